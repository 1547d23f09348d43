# Starts the kiosk full screen on the ProgramData content and starts it again 2 s after it
# exits or crashes, for ever (the logon task runs this hidden in the user's session). A kiosk
# whose heartbeat file (written every 10 s from its GUI thread once the first frame is on
# screen) is older than a minute is frozen: it is ended and started again. When the state
# folder cannot be written (a full disk), the kiosk beats in its fallback folder under %TEMP%
# (kiosk.storage.fallback_dir): the newer of the two counts.
$kiosk = Join-Path $PSScriptRoot 'exhibition-kiosk.exe'
$content = Join-Path $env:ProgramData 'Exhibition Kiosk\content'
$heartbeats = @(
    (Join-Path $env:LOCALAPPDATA 'exhibition-kiosk\state\heartbeat'),
    (Join-Path $env:TEMP "exhibition-kiosk-$env:USERNAME\heartbeat")
)
$frozenAfter = 60
while ($true) {
    $started = Get-Date
    $process = Start-Process -FilePath $kiosk -PassThru `
        -ArgumentList @('--fullscreen', '--content', "`"$content`"")
    while (-not $process.HasExited) {
        Start-Sleep -Seconds 5
        $beat = $started
        foreach ($heartbeat in $heartbeats) {
            if (Test-Path $heartbeat) {
                $written = (Get-Item $heartbeat).LastWriteTime
                if ($written -gt $beat) { $beat = $written }
            }
        }
        if (((Get-Date) - $beat).TotalSeconds -gt $frozenAfter) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            break
        }
    }
    Start-Sleep -Seconds 2
}
