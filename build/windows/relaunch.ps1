# Starts the kiosk full screen on the ProgramData content and starts it again 2 s after it
# exits or crashes, for ever (the logon task runs this hidden in the user's session).
$kiosk = Join-Path $PSScriptRoot 'ai-city-kiosk.exe'
$content = Join-Path $env:ProgramData 'AI City Kiosk\content'
while ($true) {
    Start-Process -FilePath $kiosk -ArgumentList @('--fullscreen', '--content', "`"$content`"") -Wait
    Start-Sleep -Seconds 2
}
