# Starts the kiosk full screen on the ProgramData content and starts it again 2 s after it
# exits or crashes, for ever (the logon task runs this hidden in the user's session). A kiosk
# whose heartbeat file (written every 10 s from its GUI thread once the first frame is on
# screen) is older than a minute is frozen: it is ended and started again.
$kiosk = Join-Path $PSScriptRoot 'ai-city-kiosk.exe'
$content = Join-Path $env:ProgramData 'AI City Kiosk\content'
$heartbeat = Join-Path $env:LOCALAPPDATA 'ai-city-kiosk\state\heartbeat'
$frozenAfter = 60
while ($true) {
    $started = Get-Date
    $process = Start-Process -FilePath $kiosk -PassThru `
        -ArgumentList @('--fullscreen', '--content', "`"$content`"")
    while (-not $process.HasExited) {
        Start-Sleep -Seconds 5
        $beat = $started
        if (Test-Path $heartbeat) {
            $written = (Get-Item $heartbeat).LastWriteTime
            if ($written -gt $beat) { $beat = $written }
        }
        if (((Get-Date) - $beat).TotalSeconds -gt $frozenAfter) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            break
        }
    }
    Start-Sleep -Seconds 2
}
