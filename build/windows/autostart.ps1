# Registers (or removes) the logon task that starts the kiosk in the user's session.
# Run by the installer: autostart.ps1 -Register -AppDir "C:\Program Files\Exhibition Kiosk"
param([switch]$Register, [switch]$Unregister, [string]$AppDir = $PSScriptRoot)
$ErrorActionPreference = 'Stop'
$name = 'Exhibition Kiosk'
if ($Unregister) {
    Unregister-ScheduledTask -TaskName $name -Confirm:$false -ErrorAction SilentlyContinue
    exit 0
}
$script = Join-Path $AppDir 'relaunch.ps1'
$action = New-ScheduledTaskAction -Execute 'powershell.exe' `
    -Argument "-NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File `"$script`""
$trigger = New-ScheduledTaskTrigger -AtLogOn
# Any interactive user (BUILTIN\Users), without elevation: the kiosk runs in their session.
$principal = New-ScheduledTaskPrincipal -GroupId 'S-1-5-32-545' -RunLevel Limited
# No time limit (the default stops a task after 72 hours), on battery too; if the relauncher
# itself dies, the task is started again every minute.
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) `
    -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -MultipleInstances IgnoreNew `
    -RestartCount 9999 -RestartInterval (New-TimeSpan -Minutes 1)
Register-ScheduledTask -TaskName $name -Action $action -Trigger $trigger `
    -Principal $principal -Settings $settings -Force | Out-Null
