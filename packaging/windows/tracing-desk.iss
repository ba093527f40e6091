; Inno Setup 6 script: Tracing Desk for Windows, per user or per machine.
;
;   pyinstaller --noconfirm packaging\tracing-desk.spec        (makes dist\TracingDesk)
;   iscc packaging\windows\tracing-desk.iss                     (makes dist\TracingDesk-0.1.0-setup.exe)
;
; Install:
;   - interactive: the installer asks "for me only" (no administrator rights, default) or
;     "for all users" (administrator);
;   - silent, by the IT staff: TracingDesk-0.1.0-setup.exe /VERYSILENT /ALLUSERS (or /CURRENTUSER).
; It registers the daily purge in the Task Scheduler ("Tracing Desk\Purge quotidienne"):
;   - per user: a task of that user, run in their session;
;   - per machine: a task of the group Users (S-1-5-32-545), run in the session of every
;     user who is logged on, since each user's data and key are their own.
;   The task runs "TracingDesk.exe purge" (no console window) every day at 12:30 and as
;   soon as possible after a missed run (StartWhenAvailable), so the 3-month limit holds even
;   when the program is not opened for weeks.
; Uninstall (Settings > Apps, or unins000.exe):
;   - removes the task and the program;
;   - offers "Oublier ce poste": runs "tracing-desk.exe forget --yes" for the user running the
;     uninstaller (keyring entries, database, recovery file, backups, logs, drafts,
;     registered exports). Silent uninstall forgets only with /FORGET.
;   Per machine, the other users' data stay in their own profiles: each of them (or the IT
;   staff in their session) runs "tracing-desk forget --yes" (see docs\guide-admin.md).

#define AppName "Tracing Desk"
#define AppVersion "0.1.0"
#define AppPublisher "Tracing Desk"
#define Bundle "..\..\dist\TracingDesk"
#define TaskName "Tracing Desk\Purge quotidienne"

[Setup]
AppId={{6F7E2B1C-3D4A-4E5F-9A8B-7C6D5E4F3A2B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; "For me only" by default; the installer offers "for all users" to administrators.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=TracingDesk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\tracing-desk.ico
UninstallDisplayIcon={app}\TracingDesk.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.ForgetQuestion=Oublier ce poste ?%n%nLa clé de chiffrement (trousseau Windows) et toutes les données locales de Tracing Desk de votre session seront supprimées : base de données, fichier de récupération, sauvegardes, journaux techniques, brouillons et exports enregistrés. Les fiches non encore transmises au service central seront perdues, et le code de récupération n'ouvrira plus rien.%n%nOui : tout supprimer. Non : garder les données (une nouvelle installation les rouvrira).
en.ForgetQuestion=Forget this workstation?%n%nThe encryption key (Windows Credential Manager) and all local Tracing Desk data of your session will be deleted: database, recovery file, backups, logs, drafts and registered exports. Records not yet sent to the central service will be lost, and the recovery code will no longer open anything.%n%nYes: delete everything. No: keep the data (a new installation will open it again).
fr.ForgetFailed=« Oublier ce poste » n'a pas abouti (code %1). Lancez « tracing-desk forget --yes » dans votre session.
en.ForgetFailed="Forget this workstation" did not complete (code %1). Run "tracing-desk forget --yes" in your session.
fr.TaskFailed=La purge quotidienne n'a pas pu être enregistrée dans le Planificateur de tâches (code %1). Les fiches restent supprimées à échéance à chaque ouverture du programme.
en.TaskFailed=The daily purge could not be registered in the Task Scheduler (code %1). Records are still deleted when due each time the program runs.

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\docs\guide-infirmier.md"; DestDir: "{app}\docs"; Flags: ignoreversion skipifsourcedoesntexist
Source: "..\..\docs\guide-admin.md"; DestDir: "{app}\docs"; Flags: ignoreversion skipifsourcedoesntexist

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\TracingDesk.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\TracingDesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\TracingDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /TN ""{#TaskName}"" /F"; Flags: runhidden; RunOnceId: "DeletePurgeTask"

[UninstallDelete]
; Bytecode caches and the like written next to the program (never the data folder).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function XmlEscape(S: String): String;
begin
  StringChangeEx(S, '&', '&amp;', True);
  StringChangeEx(S, '<', '&lt;', True);
  StringChangeEx(S, '>', '&gt;', True);
  Result := S;
end;

{ The task's principal: this user (per-user install) or the group Users (per machine). }
function TaskPrincipal(): String;
begin
  if IsAdminInstallMode() then
    Result := '<GroupId>S-1-5-32-545</GroupId>'
  else
    Result := '<UserId>' + XmlEscape(GetUserNameString()) + '</UserId><LogonType>InteractiveToken</LogonType>';
end;

function TaskXml(): String;
begin
  Result :=
    '<?xml version="1.0" encoding="UTF-8"?>' + #13#10 +
    '<Task version="1.3" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">' +
    '<RegistrationInfo><Description>Tracing Desk : suppression des fiches arrivées à échéance (3 mois au plus après leur création).</Description></RegistrationInfo>' +
    '<Triggers><CalendarTrigger><StartBoundary>2020-11-19T12:30:00</StartBoundary>' +
    '<RandomDelay>PT15M</RandomDelay><ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>' +
    '</CalendarTrigger><LogonTrigger><Delay>PT10M</Delay></LogonTrigger></Triggers>' +
    '<Principals><Principal id="Author">' + TaskPrincipal() +
    '<RunLevel>LeastPrivilege</RunLevel></Principal></Principals>' +
    '<Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>' +
    '<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>' +
    '<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>' +
    '<StartWhenAvailable>true</StartWhenAvailable>' +
    '<ExecutionTimeLimit>PT2H</ExecutionTimeLimit><Priority>7</Priority></Settings>' +
    '<Actions Context="Author"><Exec><Command>' + XmlEscape(ExpandConstant('{app}\TracingDesk.exe')) +
    '</Command><Arguments>purge</Arguments><WorkingDirectory>' + XmlEscape(ExpandConstant('{app}')) +
    '</WorkingDirectory></Exec></Actions></Task>';
end;

procedure RegisterPurgeTask();
var
  XmlFile: String;
  Code: Integer;
begin
  XmlFile := ExpandConstant('{tmp}\tracing-desk-purge.xml');
  { UTF-8 with a byte-order mark, as the XML declaration says (accents in the description). }
  SaveStringsToUTF8File(XmlFile, [TaskXml()], False);
  if not Exec(ExpandConstant('{sys}\schtasks.exe'),
              '/Create /TN "{#TaskName}" /XML "' + XmlFile + '" /F', '', SW_HIDE,
              ewWaitUntilTerminated, Code) or (Code <> 0) then
    SuppressibleMsgBox(FmtMessage(CustomMessage('TaskFailed'), [IntToStr(Code)]),
                       mbError, MB_OK, IDOK);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    RegisterPurgeTask();
end;

function ForgetWanted(): Boolean;
begin
  if UninstallSilent() then
    Result := Pos('/FORGET', Uppercase(GetCmdTail())) > 0
  else
    Result := MsgBox(CustomMessage('ForgetQuestion'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Code: Integer;
begin
  { Before the files go: "Oublier ce poste" needs the program. }
  if (CurUninstallStep = usUninstall) and ForgetWanted() then
  begin
    if not Exec(ExpandConstant('{app}\tracing-desk.exe'), 'forget --yes', '', SW_HIDE,
                ewWaitUntilTerminated, Code) or (Code <> 0) then
      SuppressibleMsgBox(FmtMessage(CustomMessage('ForgetFailed'), [IntToStr(Code)]),
                         mbError, MB_OK, IDOK);
  end;
end;
