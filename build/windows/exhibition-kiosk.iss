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
;   and the app itself calls SetErrorMode (kiosk/winsupport.py);
; - over an install under the old name (AI City Kiosk, the same AppId): its logon task and kiosk
;   are stopped, its program folder is removed and its content folder becomes the new one ([Code]);
;   the app itself carries the admin PIN over (kiosk/paths.py).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Exhibition Kiosk"
#define TaskName "Exhibition Kiosk"
#define Bundle "..\..\dist\exhibition-kiosk"
; The product's old name: what an install under it left is taken over once.
#define OldName "AI City Kiosk"
#define OldExe "ai-city-kiosk.exe"

[Setup]
AppId={{6C1C3E0B-3C7E-4C55-9D0F-2A9A3A1E7C41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Exhibition Kiosk team
DefaultDirName={autopf}\{#AppName}
; an upgrade from the old name installs into the new folder, not the old one
UsePreviousAppDir=no
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

[InstallDelete]
; the old name's program folder (its content is in ProgramData, moved in CurStepChanged)
Type: filesandordirs; Name: "{autopf}\{#OldName}"

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

[Code]
// An install under the old name: its relaunching logon task and its kiosk must not outlive the
// upgrade (two kiosks on one screen), so they are stopped before anything is installed.
function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  Exec(ExpandConstant('{sys}\schtasks.exe'), '/End /TN "{#OldName}"', '', SW_HIDE,
    ewWaitUntilTerminated, Code);
  Exec(ExpandConstant('{sys}\schtasks.exe'), '/Delete /TN "{#OldName}" /F', '', SW_HIDE,
    ewWaitUntilTerminated, Code);
  Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /T /IM {#OldExe}', '', SW_HIDE,
    ewWaitUntilTerminated, Code);
  Result := '';
end;

// The curators' content under the old name becomes the new content folder, unless that already
// exists (it is never overwritten); [Files] then adds only what it lacks (onlyifdoesntexist).
procedure CurStepChanged(CurStep: TSetupStep);
var
  OldContent, NewContent: String;
begin
  if CurStep <> ssInstall then
    Exit;
  OldContent := ExpandConstant('{commonappdata}\{#OldName}\content');
  NewContent := ExpandConstant('{commonappdata}\{#AppName}\content');
  if DirExists(OldContent) and not DirExists(NewContent) then
  begin
    ForceDirectories(ExtractFileDir(NewContent));
    if RenameFile(OldContent, NewContent) then
      RemoveDir(ExtractFileDir(OldContent))
    else
      Log('Could not move ' + OldContent + ' to ' + NewContent);
  end;
end;
