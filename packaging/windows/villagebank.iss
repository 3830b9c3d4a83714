; villagebank: Windows installer (Inno Setup 6.3 or newer).
;
; Build on Windows, from the repository root, after the one-folder bundle exists (packaging/README.md):
;     pyinstaller --noconfirm packaging\villagebank.spec        -> dist\villagebank\
;     iscc packaging\windows\villagebank.iss                     -> dist\villagebank-<version>-setup.exe
;
; The version is not written here: it is read from the bundle's villagebank.exe, whose version resource
; the spec made from villagebank.__version__. `iscc /DAppVersion=1.2.3 ...` overrides it.
;
; Installs for the current user only (no administrator needed, as on a village office laptop) into
; %LOCALAPPDATA%\Programs\villagebank. The user's books, backups and logs live apart from it, in
; %LOCALAPPDATA%\villagebank (villagebank.paths.user_data_dir); this installer never deletes anything
; there, on upgrade or on uninstall. The app's window settings (QSettings, HKCU\Software\villagebank) are
; left alone too, so they survive upgrades. A newer version installed over an older one upgrades the
; book the first time it opens it, after a verified backup (the app does that, not the installer).

#define AppExe "villagebank.exe"
#define CliExe "villagebank-cli.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\villagebank"

#if !FileExists(BundleDir + "\" + AppExe)
  #error dist\villagebank\villagebank.exe not found: build the bundle first (pyinstaller --noconfirm packaging\villagebank.spec)
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error Could not read the version from dist\villagebank\villagebank.exe
#endif

[Setup]
; Never change AppId: it is how a newer installer finds and replaces an installed version.
AppId={{AC3A0D0C-1F6E-406D-AEFF-68453FB8DFFF}
AppName=villagebank
AppVersion={#AppVersion}
AppVerName={cm:AppTitle} {#AppVersion}
AppPublisher=villagebank
AppCopyright=GPL-3.0-or-later
VersionInfoVersion={#GetVersionNumbersString(BundleDir + "\" + AppExe)}
DefaultDirName={autopf}\villagebank
DefaultGroupName=villagebank
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=villagebank.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppTitle}
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
RestartApplications=no
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=villagebank-{#AppVersion}-setup

[Languages]
; Thai first: Setup picks it on a Thai Windows and when nothing matches. Inno Setup ships no Thai
; translation of its own (or, in newer versions, one we do not rely on): Thai.isl beside this script
; translates every message a normal install and uninstall show, read after Default.isl so anything it
; leaves out appears in English rather than failing the build.
Name: "thai"; MessagesFile: "compiler:Default.isl,Thai.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
; The Thai ones are in Thai.isl.
english.AppTitle=villagebank (village bank)
english.DataFolder=My books and backups
english.DataKept=Your books and backups were not removed. They are in:%n%n%1%n%nDelete that folder yourself only when you are sure you no longer need them.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version may stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The data folder the app uses (created here so its shortcut works before the first start); never removed.
Name: "{localappdata}\villagebank"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{localappdata}\villagebank"
Name: "{group}\{cm:DataFolder}"; Filename: "{localappdata}\villagebank"
Name: "{group}\{cm:UninstallProgram,villagebank}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{localappdata}\villagebank"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,villagebank}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // Say where the books are, so nobody thinks they were lost with the program.
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\villagebank')]),
      mbInformation, MB_OK);
end;
