; Inno Setup script: the Windows installer of Exhibition Kiosk (per machine).
; Build on Windows, after the bundle (see README "Build the offline installer"):
;   python build\bundle.py
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 build\windows\exhibition-kiosk.iss
; Writes dist\exhibition-kiosk-setup-<version>.exe. It cannot be built or run on Linux.
;
; What it sets up:
; - the bundle in Program Files; the editable content copied ONCE to
;   %ProgramData%\Exhibition Kiosk\content (writable by Users), kept on upgrade and uninstall;
; - autostart in the session of whoever logs on (a service would run in session 0, where no
;   window is visible): a Task Scheduler logon task running relaunch.ps1, which starts the
;   kiosk again 2 s after it exits or crashes, for ever;
; - no crash dialog over the restarted kiosk: Windows Error Reporting's UI off (DontShowUI),
;   and the app itself calls SetErrorMode (kiosk/winsupport.py).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Exhibition Kiosk"
#define TaskName "Exhibition Kiosk"
#define Bundle "..\..\dist\exhibition-kiosk"

[Setup]
AppId={{6C1C3E0B-3C7E-4C55-9D0F-2A9A3A1E7C41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Exhibition Kiosk team
DefaultDirName={autopf}\{#AppName}
DisableDirPage=yes
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=exhibition-kiosk-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\exhibition-kiosk.exe
CloseApplications=force

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "relaunch.ps1"; DestDir: "{app}"; Flags: ignoreversion
Source: "autostart.ps1"; DestDir: "{app}"; Flags: ignoreversion
; The curators' copy: a file already there is never replaced, nothing is removed on uninstall.
Source: "{#Bundle}\_internal\data\*"; DestDir: "{commonappdata}\{#AppName}\content"; \
  Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs createallsubdirs

[Dirs]
Name: "{commonappdata}\{#AppName}\content"; Permissions: users-modify; Flags: uninsneveruninstall

[Registry]
; Windows Error Reporting: no "has stopped working" dialog waiting for a click over the kiosk.
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting"; \
  ValueType: dword; ValueName: "DontShowUI"; ValueData: 1; Flags: uninsdeletevalue

[Run]
Filename: "powershell.exe"; \
  Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\autostart.ps1"" -Register -AppDir ""{app}"""; \
  Flags: runhidden waituntilterminated; StatusMsg: "Starting the kiosk at every logon..."

[UninstallRun]
Filename: "taskkill.exe"; Parameters: "/F /T /IM exhibition-kiosk.exe"; Flags: runhidden; RunOnceId: "StopKiosk"
Filename: "powershell.exe"; \
  Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\autostart.ps1"" -Unregister"; \
  Flags: runhidden waituntilterminated; RunOnceId: "RemoveTask"
