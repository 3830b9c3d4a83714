; villagebank: Thai messages for the Inno Setup installer, written for this project (not a copy of any
; published translation). villagebank.iss reads this file after compiler:Default.isl, so every message
; not given here stays in English. Covers what a normal install, upgrade and uninstall show.
; Saved as UTF-8 with a byte-order mark (Inno Setup 6 reads Unicode .isl files that way).

[LangOptions]
; "ไทย"
LanguageName=<0E44><0E17><0E22>
LanguageID=$041E
LanguageCodePage=874

[Messages]

; *** Application titles
SetupAppTitle=ติดตั้งโปรแกรม
SetupWindowTitle=ติดตั้งโปรแกรม - %1
UninstallAppTitle=ถอนการติดตั้ง
UninstallAppFullTitle=ถอนการติดตั้ง %1

; *** Misc. common
InformationTitle=ข้อมูล
ConfirmTitle=ยืนยัน
ErrorTitle=ข้อผิดพลาด

; *** SetupLdr messages
SetupLdrStartupMessage=โปรแกรมนี้จะติดตั้ง %1 ต้องการดำเนินการต่อหรือไม่?
LdrCannotCreateTemp=สร้างไฟล์ชั่วคราวไม่ได้ จึงยกเลิกการติดตั้ง
LdrCannotExecTemp=เรียกใช้ไฟล์ในโฟลเดอร์ชั่วคราวไม่ได้ จึงยกเลิกการติดตั้ง

; *** Startup error messages
SetupFileMissing=ไม่พบไฟล์ %1 ในโฟลเดอร์ของตัวติดตั้ง กรุณาแก้ไข หรือหาตัวติดตั้งชุดใหม่
SetupFileCorrupt=ไฟล์ของตัวติดตั้งเสียหาย กรุณาหาตัวติดตั้งชุดใหม่
SetupFileCorruptOrWrongVer=ไฟล์ของตัวติดตั้งเสียหาย หรือใช้กับตัวติดตั้งรุ่นนี้ไม่ได้ กรุณาหาตัวติดตั้งชุดใหม่
SetupAlreadyRunning=ตัวติดตั้งกำลังทำงานอยู่แล้ว
WindowsVersionNotSupported=โปรแกรมนี้ใช้กับ Windows รุ่นที่เครื่องนี้ใช้อยู่ไม่ได้
OnlyOnTheseArchitectures=โปรแกรมนี้ติดตั้งได้เฉพาะบน Windows สำหรับหน่วยประมวลผลแบบต่อไปนี้:%n%n%1
WinVersionTooLowError=โปรแกรมนี้ต้องใช้ %1 รุ่น %2 ขึ้นไป
WinVersionTooHighError=โปรแกรมนี้ติดตั้งบน %1 รุ่น %2 ขึ้นไปไม่ได้
SetupAppRunningError=ตัวติดตั้งพบว่า %1 กำลังเปิดอยู่%n%nกรุณาปิดโปรแกรมให้หมดก่อน แล้วกด ตกลง เพื่อทำต่อ หรือกด ยกเลิก เพื่อออก
UninstallAppRunningError=ตัวถอนการติดตั้งพบว่า %1 กำลังเปิดอยู่%n%nกรุณาปิดโปรแกรมให้หมดก่อน แล้วกด ตกลง เพื่อทำต่อ หรือกด ยกเลิก เพื่อออก

; *** Misc. errors
ErrorCreatingDir=ตัวติดตั้งสร้างโฟลเดอร์ "%1" ไม่ได้

; *** Setup common messages
ExitSetupTitle=ออกจากการติดตั้ง
ExitSetupMessage=การติดตั้งยังไม่เสร็จ ถ้าออกตอนนี้ โปรแกรมจะยังไม่ถูกติดตั้ง%n%nเปิดตัวติดตั้งใหม่ภายหลังเพื่อติดตั้งให้เสร็จได้%n%nออกจากการติดตั้งหรือไม่?
AboutSetupMenuItem=&เกี่ยวกับตัวติดตั้ง...
AboutSetupTitle=เกี่ยวกับตัวติดตั้ง

; *** Buttons
ButtonBack=< &ย้อนกลับ
ButtonNext=&ถัดไป >
ButtonInstall=&ติดตั้ง
ButtonOK=ตกลง
ButtonCancel=ยกเลิก
ButtonYes=ใ&ช่
ButtonYesToAll=ใช่&ทั้งหมด
ButtonNo=ไ&ม่
ButtonNoToAll=ไม่ทั้ง&หมด
ButtonFinish=&เสร็จสิ้น
ButtonBrowse=&เลือก...
ButtonWizardBrowse=เ&ลือก...
ButtonNewFolder=&สร้างโฟลเดอร์ใหม่

; *** "Select Language" dialog messages
SelectLanguageTitle=เลือกภาษาของตัวติดตั้ง
SelectLanguageLabel=เลือกภาษาที่จะใช้ระหว่างการติดตั้ง:

; *** Common wizard text
ClickNext=กด ถัดไป เพื่อทำต่อ หรือกด ยกเลิก เพื่อออกจากการติดตั้ง
BrowseDialogTitle=เลือกโฟลเดอร์
BrowseDialogLabel=เลือกโฟลเดอร์จากรายการด้านล่าง แล้วกด ตกลง
NewFolderName=โฟลเดอร์ใหม่

; *** "Welcome" wizard page
WelcomeLabel1=ยินดีต้อนรับสู่การติดตั้ง [name]
WelcomeLabel2=ตัวติดตั้งจะติดตั้ง [name/ver] ลงในเครื่องนี้%n%nควรปิดโปรแกรมอื่นก่อนทำต่อ

; *** "Select Destination Location" wizard page
WizardSelectDir=เลือกที่ติดตั้ง
SelectDirDesc=จะติดตั้ง [name] ไว้ที่ไหน?
SelectDirLabel3=ตัวติดตั้งจะติดตั้ง [name] ไว้ในโฟลเดอร์ต่อไปนี้
SelectDirBrowseLabel=กด ถัดไป เพื่อทำต่อ ถ้าต้องการเลือกโฟลเดอร์อื่น ให้กด เลือก
DiskSpaceMBLabel=ต้องมีที่ว่างในดิสก์อย่างน้อย [mb] MB
InvalidPath=ต้องพิมพ์ที่อยู่เต็ม มีอักษรไดรฟ์ด้วย เช่น%n%nC:\APP
InvalidDrive=ไม่มีไดรฟ์ที่เลือก หรือเข้าถึงไม่ได้ กรุณาเลือกที่อื่น
DiskSpaceWarningTitle=ที่ว่างในดิสก์ไม่พอ
DiskSpaceWarning=การติดตั้งต้องใช้ที่ว่างอย่างน้อย %1 KB แต่ไดรฟ์ที่เลือกเหลือที่ว่างเพียง %2 KB%n%nจะติดตั้งต่อหรือไม่?
DirNameTooLong=ชื่อโฟลเดอร์หรือที่อยู่ยาวเกินไป
InvalidDirName=ชื่อโฟลเดอร์ไม่ถูกต้อง
BadDirName32=ชื่อโฟลเดอร์ต้องไม่มีอักขระเหล่านี้:%n%n%1
DirExistsTitle=มีโฟลเดอร์นี้อยู่แล้ว
DirExists=มีโฟลเดอร์:%n%n%1%n%nอยู่แล้ว จะติดตั้งลงในโฟลเดอร์นี้หรือไม่?
DirDoesntExistTitle=ไม่มีโฟลเดอร์นี้
DirDoesntExist=ไม่มีโฟลเดอร์:%n%n%1%n%nจะสร้างโฟลเดอร์นี้หรือไม่?

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=เลือกงานเพิ่มเติม
SelectTasksDesc=ต้องการให้ทำอะไรเพิ่มเติม?
SelectTasksLabel2=เลือกสิ่งที่ต้องการให้ตัวติดตั้งทำเพิ่มระหว่างติดตั้ง [name] แล้วกด ถัดไป

; *** "Ready to Install" wizard page
WizardReady=พร้อมติดตั้ง
ReadyLabel1=ตัวติดตั้งพร้อมติดตั้ง [name] ลงในเครื่องนี้แล้ว
ReadyLabel2a=กด ติดตั้ง เพื่อเริ่มติดตั้ง หรือกด ย้อนกลับ ถ้าต้องการดูหรือเปลี่ยนค่าที่เลือกไว้
ReadyLabel2b=กด ติดตั้ง เพื่อเริ่มติดตั้ง
ReadyMemoDir=ที่ติดตั้ง:
ReadyMemoGroup=โฟลเดอร์ในเมนูเริ่ม:
ReadyMemoTasks=งานเพิ่มเติม:

; *** "Preparing to Install" wizard page
WizardPreparing=กำลังเตรียมติดตั้ง
PreparingDesc=ตัวติดตั้งกำลังเตรียมติดตั้ง [name] ลงในเครื่องนี้
PreviousInstallNotCompleted=การติดตั้งหรือถอนโปรแกรมครั้งก่อนยังไม่เสร็จ ต้องเริ่มเครื่องใหม่ก่อน%n%nเมื่อเริ่มเครื่องใหม่แล้ว ให้เปิดตัวติดตั้งอีกครั้งเพื่อติดตั้ง [name] ให้เสร็จ
CannotContinue=ตัวติดตั้งทำต่อไม่ได้ กรุณากด ยกเลิก เพื่อออก
ApplicationsFound=โปรแกรมต่อไปนี้กำลังใช้ไฟล์ที่ตัวติดตั้งต้องปรับปรุง ควรให้ตัวติดตั้งปิดโปรแกรมเหล่านี้ให้
ApplicationsFound2=โปรแกรมต่อไปนี้กำลังใช้ไฟล์ที่ตัวติดตั้งต้องปรับปรุง ควรให้ตัวติดตั้งปิดโปรแกรมเหล่านี้ให้ เมื่อติดตั้งเสร็จ ตัวติดตั้งจะพยายามเปิดโปรแกรมเหล่านี้ขึ้นมาใหม่
CloseApplications=&ปิดโปรแกรมเหล่านี้ให้
DontCloseApplications=&ไม่ต้องปิดโปรแกรม
ErrorCloseApplications=ตัวติดตั้งปิดโปรแกรมให้ไม่ได้ทั้งหมด ควรปิดโปรแกรมที่ใช้ไฟล์เหล่านั้นเองก่อนทำต่อ

; *** "Installing" wizard page
WizardInstalling=กำลังติดตั้ง
InstallingLabel=กรุณารอสักครู่ ตัวติดตั้งกำลังติดตั้ง [name] ลงในเครื่องนี้

; *** "Setup Completed" wizard page
FinishedHeadingLabel=ติดตั้ง [name] เสร็จแล้ว
FinishedLabelNoIcons=ตัวติดตั้งติดตั้ง [name] ลงในเครื่องนี้เสร็จแล้ว
FinishedLabel=ตัวติดตั้งติดตั้ง [name] ลงในเครื่องนี้เสร็จแล้ว เปิดโปรแกรมได้จากทางลัดที่สร้างไว้
ClickFinish=กด เสร็จสิ้น เพื่อออกจากการติดตั้ง
FinishedRestartLabel=ต้องเริ่มเครื่องใหม่เพื่อให้การติดตั้ง [name] เสร็จสมบูรณ์ จะเริ่มเครื่องใหม่ตอนนี้หรือไม่?
FinishedRestartMessage=ต้องเริ่มเครื่องใหม่เพื่อให้การติดตั้ง [name] เสร็จสมบูรณ์%n%nจะเริ่มเครื่องใหม่ตอนนี้หรือไม่?
YesRadio=&ใช่ เริ่มเครื่องใหม่ตอนนี้
NoRadio=&ไม่ จะเริ่มเครื่องใหม่เองภายหลัง
RunEntryExec=เปิด %1
RunEntryShellExec=ดู %1

; *** Installation phase messages
SetupAborted=การติดตั้งไม่เสร็จ%n%nกรุณาแก้ปัญหาแล้วเปิดตัวติดตั้งอีกครั้ง
AbortRetryIgnoreChooseAction=เลือกสิ่งที่จะทำ
AbortRetryIgnoreRetry=ลองอีกครั้ง
AbortRetryIgnoreProceedAnyway=ทำต่อไป
AbortRetryIgnoreCancel=ยกเลิกการติดตั้ง

; *** Installation status messages
StatusClosingApplications=กำลังปิดโปรแกรม...
StatusCreateDirs=กำลังสร้างโฟลเดอร์...
StatusExtractFiles=กำลังคัดลอกไฟล์...
StatusCreateIcons=กำลังสร้างทางลัด...
StatusCreateIniEntries=กำลังบันทึกค่า INI...
StatusCreateRegistryEntries=กำลังบันทึกค่าในรีจิสทรี...
StatusRegisterFiles=กำลังลงทะเบียนไฟล์...
StatusSavingUninstall=กำลังบันทึกข้อมูลสำหรับถอนการติดตั้ง...
StatusRunProgram=กำลังจบการติดตั้ง...
StatusRestartingApplications=กำลังเปิดโปรแกรมขึ้นมาใหม่...
StatusRollback=กำลังย้อนการเปลี่ยนแปลง...

; *** Misc. errors
ErrorInternal2=ข้อผิดพลาดภายใน: %1
ErrorFunctionFailedNoCode=%1 ไม่สำเร็จ
ErrorFunctionFailed=%1 ไม่สำเร็จ รหัส %2
ErrorFunctionFailedWithMessage=%1 ไม่สำเร็จ รหัส %2%n%3
ErrorExecutingProgram=เปิดไฟล์ไม่ได้:%n%1

; *** File copying errors
SourceIsCorrupted=ไฟล์ต้นฉบับเสียหาย
SourceDoesntExist=ไม่มีไฟล์ต้นฉบับ "%1"
ErrorReadingExistingDest=เกิดข้อผิดพลาดขณะอ่านไฟล์เดิม:
ErrorCreatingTemp=เกิดข้อผิดพลาดขณะสร้างไฟล์ในโฟลเดอร์ที่ติดตั้ง:
ErrorReadingSource=เกิดข้อผิดพลาดขณะอ่านไฟล์ต้นฉบับ:
ErrorCopying=เกิดข้อผิดพลาดขณะคัดลอกไฟล์:
ErrorReplacingExistingFile=เกิดข้อผิดพลาดขณะแทนที่ไฟล์เดิม:
ErrorRenamingTemp=เกิดข้อผิดพลาดขณะเปลี่ยนชื่อไฟล์ในโฟลเดอร์ที่ติดตั้ง:

; *** Uninstall display name markings
UninstallDisplayNameMarkCurrentUser=ผู้ใช้ปัจจุบัน

; *** Uninstaller messages
UninstallNotFound=ไม่มีไฟล์ "%1" จึงถอนการติดตั้งไม่ได้
UninstallOpenError=เปิดไฟล์ "%1" ไม่ได้ จึงถอนการติดตั้งไม่ได้
ConfirmUninstall=ต้องการถอน %1 ออกจากเครื่องนี้หรือไม่? (สมุดบัญชีและไฟล์สำรองจะไม่ถูกลบ)
UninstallStatusLabel=กรุณารอสักครู่ กำลังถอน %1 ออกจากเครื่องนี้
UninstalledAll=ถอน %1 ออกจากเครื่องนี้เรียบร้อยแล้ว
UninstalledMost=ถอน %1 เสร็จแล้ว%n%nมีบางส่วนที่ลบไม่ได้ ลบเองภายหลังได้
UninstalledAndNeedsRestart=ต้องเริ่มเครื่องใหม่เพื่อให้การถอน %1 เสร็จสมบูรณ์%n%nจะเริ่มเครื่องใหม่ตอนนี้หรือไม่?
UninstallDataCorrupted=ไฟล์ "%1" เสียหาย จึงถอนการติดตั้งไม่ได้

; *** Uninstallation phase messages
WizardUninstalling=สถานะการถอนการติดตั้ง
StatusUninstalling=กำลังถอน %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=กำลังติดตั้ง %1
ShutdownBlockReasonUninstallingApp=กำลังถอน %1

[CustomMessages]

NameAndVersion=%1 รุ่น %2
AdditionalIcons=ทางลัดเพิ่มเติม:
CreateDesktopIcon=สร้างทางลัดบน&เดสก์ท็อป
UninstallProgram=ถอนการติดตั้ง %1
LaunchProgram=เปิด %1

; villagebank's own (English ones in villagebank.iss)
AppTitle=ธนาคารหมู่บ้าน (villagebank)
DataFolder=สมุดบัญชีและไฟล์สำรองของฉัน
DataKept=สมุดบัญชีและไฟล์สำรองของคุณไม่ได้ถูกลบ ยังอยู่ที่:%n%n%1%n%nลบโฟลเดอร์นั้นเองก็ต่อเมื่อแน่ใจว่าไม่ต้องใช้แล้วเท่านั้น
