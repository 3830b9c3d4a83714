TH = {
    # --- CLI: backup, restore, verify -----------------------------------------------------------------
    "Backup made and verified: {count} entries, last entry {anchor}":
        "สำรองข้อมูลและตรวจสอบไฟล์สำรองแล้ว: {count} รายการ รายการล่าสุด {anchor}",
    "Bank": "กลุ่ม",
    "File": "ไฟล์",
    "Kind": "ประเภท",
    "Last entry": "รายการล่าสุด",
    "Made": "สร้างเมื่อ",
    "Made: {date}": "สร้างเมื่อ: {date}",
    "Last entry: number {seq} of {date} ({anchor})": "รายการล่าสุด: ลำดับที่ {seq} วันที่ {date} ({anchor})",
    "Members: {members}; entries: {entries}": "สมาชิก: {members} คน รายการบัญชี: {entries} รายการ",
    "It agrees with {count} anchor(s).": "ตรงกับรหัสตรวจสอบ {count} รหัส",
    "No anchors were found beside the backups: make a backup to record one.":
        "ไม่พบรหัสตรวจสอบในโฟลเดอร์สำรองข้อมูล กรุณาสำรองข้อมูลเพื่อเก็บรหัสไว้",
    "{count} anchor(s) were given up on purpose when an older backup was restored.":
        "มีรหัสตรวจสอบ {count} รหัสที่ยกเลิกไปโดยตั้งใจเมื่อกู้คืนจากไฟล์สำรองที่เก่ากว่า",
    "Nothing was changed.": "ไม่มีการเปลี่ยนแปลงใด ๆ",
    "Replace the book at {path} with this backup? [y/N] ":
        "แทนที่สมุดบัญชีที่ {path} ด้วยไฟล์สำรองนี้หรือไม่? [y = ใช่ / N = ไม่] ",
    "The book was restored from {file}.": "กู้คืนสมุดบัญชีจาก {file} แล้ว",
    "The replaced book is kept as {aside}": "สมุดบัญชีเดิมที่ถูกแทนที่เก็บไว้เป็น {aside}",
    "This backup holds the book of: {bank}": "ไฟล์สำรองนี้เป็นสมุดบัญชีของ: {bank}",
    "Warning: {message}": "คำเตือน: {message}",
    "unknown (a plain copy of a book)": "ไม่ทราบ (เป็นสำเนาสมุดบัญชีธรรมดา)",
    "{count} backup(s) in {folder}": "มีไฟล์สำรอง {count} ไฟล์ใน {folder}",
    "accept the book of another bank (moving a book to a new computer)":
        "ยอมรับสมุดบัญชีของกลุ่มอื่น (ใช้เมื่อย้ายสมุดบัญชีไปเครื่องใหม่)",
    "also compare the book with the anchors recorded with its backups":
        "เทียบสมุดบัญชีกับรหัสตรวจสอบที่บันทึกไว้พร้อมไฟล์สำรองด้วย",
    "an anchor printed on a receipt or report, e.g. 125/d475e1b32ca1 (repeatable)":
        "รหัสตรวจสอบที่พิมพ์บนใบเสร็จหรือรายงาน เช่น 125/d475e1b32ca1 (ใส่ได้หลายครั้ง)",
    "another folder to look in, e.g. a USB stick": "โฟลเดอร์อื่นที่จะค้นหา เช่น แฟลชไดรฟ์",
    "do not ask before replacing the book": "ไม่ต้องถามก่อนแทนที่สมุดบัญชี",
    "list the backups of the book, newest first": "แสดงไฟล์สำรองของสมุดบัญชี เรียงจากใหม่ไปเก่า",
    "make a verified backup of the book (prints its path)":
        "สำรองข้อมูลสมุดบัญชีพร้อมตรวจสอบไฟล์สำรอง (แสดงที่อยู่ไฟล์)",
    "replace the book by a backup, after checking it (the replaced book is kept aside)":
        "กู้คืนสมุดบัญชีจากไฟล์สำรองหลังตรวจสอบแล้ว (เก็บสมุดบัญชีเดิมไว้)",
    "the backup file": "ไฟล์สำรอง",
    "the folder to write it to, e.g. a USB stick (default: the backups folder beside the book)":
        "โฟลเดอร์ที่จะเก็บไฟล์สำรอง เช่น แฟลชไดรฟ์ (ถ้าไม่ระบุ ใช้โฟลเดอร์สำรองข้อมูลข้างสมุดบัญชี)",
    # --- backup kinds ----------------------------------------------------------------------------------
    "made by hand": "สำรองเอง",
    "daily": "ประจำวัน",
    "on closing the app": "เมื่อปิดโปรแกรม",
    "before an upgrade": "ก่อนปรับรุ่น",
    "year close": "ปิดบัญชีสิ้นปี",
    # --- backup and restore errors ----------------------------------------------------------------------
    "the backup was NOT made: the copy did not pass its check ({detail})":
        "ยังไม่ได้สำรองข้อมูล: ไฟล์สำรองไม่ผ่านการตรวจสอบ ({detail})",
    "the backup was NOT made: the disk or USB stick is full":
        "ยังไม่ได้สำรองข้อมูล: พื้นที่ดิสก์หรือแฟลชไดรฟ์เต็ม",
    "the backup was NOT made: the disk reported an error ({error})":
        "ยังไม่ได้สำรองข้อมูล: ดิสก์ขัดข้อง ({error})",
    "the backup was NOT made: the folder {folder} cannot be written":
        "ยังไม่ได้สำรองข้อมูล: บันทึกลงโฟลเดอร์ {folder} ไม่ได้",
    "there is no file {file}": "ไม่พบไฟล์ {file}",
    "{file} cannot be read ({error})": "อ่านไฟล์ {file} ไม่ได้ ({error})",
    "{file} is another book (of {bank}), not a copy of this one":
        "{file} เป็นสมุดบัญชีเล่มอื่น (ของ{bank}) ไม่ใช่สำเนาของเล่มนี้",
    "{file} is damaged ({detail})": "ไฟล์ {file} เสียหาย ({detail})",
    "{file} is damaged: {detail}": "ไฟล์ {file} เสียหาย: {detail}",
    "{file} is not a villagebank book": "{file} ไม่ใช่สมุดบัญชีของโปรแกรมนี้",
    "{file} is the book of another bank ({bank}), not a copy of this book; it was refused. To move a book to a "
    "new computer, restore it on purpose as another bank's book":
        "{file} เป็นสมุดบัญชีของกลุ่มอื่น ({bank}) ไม่ใช่สำเนาของสมุดบัญชีเล่มนี้ จึงไม่กู้คืนให้ "
        "หากต้องการย้ายสมุดบัญชีไปเครื่องใหม่ ให้เลือกกู้คืนเป็นสมุดบัญชีของกลุ่มอื่นโดยตั้งใจ",
    "{file} was made by a newer version of villagebank; install the newer version to use it":
        "{file} สร้างด้วยโปรแกรมรุ่นใหม่กว่า กรุณาติดตั้งโปรแกรมรุ่นใหม่ก่อนใช้",
    "this is the book of another bank ({bank}): it will replace the current book completely":
        "นี่เป็นสมุดบัญชีของกลุ่มอื่น ({bank}) จะแทนที่สมุดบัญชีปัจจุบันทั้งเล่ม",
    "the current book and this backup differ at entry {seq}: one of them was changed":
        "สมุดบัญชีปัจจุบันกับไฟล์สำรองนี้ไม่ตรงกันที่รายการที่ {seq} แสดงว่ามีฉบับใดฉบับหนึ่งถูกแก้ไข",
    "the current book has entries {first} to {last} that this backup does not have: they will no longer be in "
    "the book (the replaced book is kept aside)":
        "สมุดบัญชีปัจจุบันมีรายการที่ {first} ถึง {last} ซึ่งไม่มีในไฟล์สำรองนี้ รายการเหล่านี้จะไม่อยู่ในสมุดบัญชี"
        "อีกต่อไป (สมุดบัญชีเดิมยังเก็บไว้)",
    # --- opening a book ---------------------------------------------------------------------------------
    "the book file {path} is read-only: it can only be opened for viewing":
        "ไฟล์สมุดบัญชี {path} เป็นแบบอ่านอย่างเดียว เปิดได้เพื่อดูเท่านั้น",
    "the folder of the book ({folder}) cannot be written: the book can only be opened for viewing. Copy it to "
    "a folder you can write to":
        "บันทึกลงโฟลเดอร์ของสมุดบัญชี ({folder}) ไม่ได้ จึงเปิดได้เพื่อดูเท่านั้น "
        "กรุณาคัดลอกสมุดบัญชีไปไว้ในโฟลเดอร์ที่บันทึกได้",
    "the book {path} is damaged ({detail}); it was not opened for recording. No backup of it was found in "
    "{folder}: restore it from a copy, e.g. on a USB stick":
        "สมุดบัญชี {path} เสียหาย ({detail}) จึงไม่เปิดให้บันทึกรายการ และไม่พบไฟล์สำรองใน {folder} "
        "กรุณากู้คืนจากสำเนาที่มี เช่น ในแฟลชไดรฟ์",
    "the book {path} is damaged ({detail}); it was not opened for recording. Restore it from a backup: the "
    "newest is {backup}, made {date}, up to entry {anchor}":
        "สมุดบัญชี {path} เสียหาย ({detail}) จึงไม่เปิดให้บันทึกรายการ กรุณากู้คืนจากไฟล์สำรอง "
        "ไฟล์ล่าสุดคือ {backup} สร้างเมื่อ {date} มีรายการถึง {anchor}",
    "the database cancelled this command part-way: it was NOT saved. Try again":
        "ฐานข้อมูลยกเลิกคำสั่งนี้กลางคัน รายการนี้ยังไม่ถูกบันทึก กรุณาลองใหม่",
    "the computer's clock ({now}) is earlier than the newest entry ({newest}): check the date and time of the "
    "computer. Entries keep their order and their dates":
        "นาฬิกาของเครื่อง ({now}) ช้ากว่าเวลาของรายการล่าสุด ({newest}) กรุณาตรวจวันที่และเวลาของเครื่อง "
        "รายการบัญชียังคงลำดับและวันที่เดิม",
    # --- integrity and anchors ---------------------------------------------------------------------------
    "Anchor": "รหัสตรวจสอบ",
    "entries are missing: numbers {low} to {high} hold only {count} entries":
        "รายการบัญชีหายไป: ลำดับที่ {low} ถึง {high} มีอยู่เพียง {count} รายการ",
    "entry {seq} differs from the backup {source} (anchor {anchor}): the chain of entries was rewritten":
        "รายการที่ {seq} ไม่ตรงกับไฟล์สำรอง {source} (รหัสตรวจสอบ {anchor}) แสดงว่าสายโซ่รายการถูกเขียนใหม่",
    "entry {seq} does not match the anchor {anchor}: the chain of entries was rewritten":
        "รายการที่ {seq} ไม่ตรงกับรหัสตรวจสอบ {anchor} แสดงว่าสายโซ่รายการถูกเขียนใหม่",
    "entry {seq} of the anchor {anchor} is missing": "รายการที่ {seq} ของรหัสตรวจสอบ {anchor} หายไป",
    "the book ends at entry {last}, but the anchor {anchor} names entry {seq}: the newest entries were deleted":
        "สมุดบัญชีมีถึงรายการที่ {last} แต่รหัสตรวจสอบ {anchor} ระบุรายการที่ {seq} "
        "แสดงว่ารายการล่าสุดถูกลบ",
    "the book ends at entry {last}, but the backup {source} holds entries up to {seq}: the newest entries were "
    "deleted":
        "สมุดบัญชีมีถึงรายการที่ {last} แต่ไฟล์สำรอง {source} มีรายการถึงที่ {seq} แสดงว่ารายการล่าสุดถูกลบ",
    "“{text}” is not an anchor: write the entry number, a slash and at least 8 characters of the code, e.g. "
    "125/d475e1b32ca1":
        "“{text}” ไม่ใช่รหัสตรวจสอบ กรุณาใส่ลำดับรายการ ตามด้วยเครื่องหมาย / และรหัสอย่างน้อย 8 ตัว "
        "เช่น 125/d475e1b32ca1",
    # --- user accounts -----------------------------------------------------------------------------------
    "Account {name} added.": "เพิ่มบัญชีผู้ใช้ {name} แล้ว",
    "Account {name} was switched off.": "ปิดบัญชีผู้ใช้ {name} แล้ว",
    "Active": "ใช้งาน",
    "New password: ": "รหัสผ่านใหม่: ",
    "Password": "รหัสผ่าน",
    "Password: ": "รหัสผ่าน: ",
    "Role": "บทบาท",
    "The new password again: ": "รหัสผ่านใหม่อีกครั้ง: ",
    "The password of {name} was changed.": "เปลี่ยนรหัสผ่านของ {name} แล้ว",
    "User": "ผู้ใช้",
    "User accounts are off.": "ปิดการใช้บัญชีผู้ใช้แล้ว",
    "User accounts are on; {name} is the treasurer.": "เปิดการใช้บัญชีผู้ใช้แล้ว {name} เป็นเหรัญญิก",
    "User accounts are {state}.": "การใช้บัญชีผู้ใช้: {state}",
    "User name": "ชื่อผู้ใช้",
    "User name: ": "ชื่อผู้ใช้: ",
    "a password may have at most {count} characters": "รหัสผ่านยาวได้ไม่เกิน {count} ตัวอักษร",
    "a password needs at least {count} characters": "รหัสผ่านต้องมีอย่างน้อย {count} ตัวอักษร",
    "a {role} cannot record this: sign in as the treasurer": "{role}บันทึกรายการนี้ไม่ได้ กรุณาเข้าสู่ระบบในฐานะเหรัญญิก",
    "add an account": "เพิ่มบัญชีผู้ใช้",
    "committee member": "กรรมการ",
    "list the accounts": "แสดงบัญชีผู้ใช้",
    "off": "ปิด",
    "on": "เปิด",
    "set an account's password": "ตั้งรหัสผ่านของบัญชีผู้ใช้",
    "switch an account off": "ปิดบัญชีผู้ใช้",
    "switch user accounts off (the treasurer only)": "ปิดการใช้บัญชีผู้ใช้ (เฉพาะเหรัญญิก)",
    "switch user accounts on, creating the first treasurer": "เปิดการใช้บัญชีผู้ใช้ พร้อมสร้างบัญชีเหรัญญิกคนแรก",
    "the last treasurer's account cannot be switched off": "ปิดบัญชีของเหรัญญิกคนสุดท้ายไม่ได้",
    "the two passwords differ": "รหัสผ่านทั้งสองครั้งไม่ตรงกัน",
    "the user name “{name}” is already taken": "ชื่อผู้ใช้ “{name}” มีผู้ใช้แล้ว",
    "there is no user “{name}”": "ไม่มีผู้ใช้ “{name}”",
    "this book has user accounts: sign in before recording anything":
        "สมุดบัญชีนี้ใช้บัญชีผู้ใช้ กรุณาเข้าสู่ระบบก่อนบันทึกรายการ",
    "too many wrong passwords: wait {seconds} seconds before trying again":
        "ใส่รหัสผ่านผิดหลายครั้งเกินไป กรุณารอ {seconds} วินาทีแล้วลองใหม่",
    "treasurer": "เหรัญญิก",
    "user accounts and roles (optional; off by default)": "บัญชีผู้ใช้และบทบาท (ไม่บังคับ ปิดไว้เป็นค่าเริ่มต้น)",
    "user accounts are already switched on": "เปิดการใช้บัญชีผู้ใช้อยู่แล้ว",
    "wrong name or password": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
    "your user name, when the book has user accounts": "ชื่อผู้ใช้ของคุณ เมื่อสมุดบัญชีใช้บัญชีผู้ใช้",
}
