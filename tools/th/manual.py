TH = {
    # --- the Book and Help menus: the book workbook for the network centre, where are my files, About ---------
    "&Export the book workbook for the network centre…": "ส่งออกไฟล์ Excel ให้ศูนย์เครือข่าย… (&E)",
    "&Help": "ช่วยเหลือ (&H)",
    "Where are my &files": "ไฟล์ของฉันอยู่ที่ไหน (&F)",
    "&About villagebank": "เกี่ยวกับโปรแกรม (&A)",
    "Where are my files": "ไฟล์ของฉันอยู่ที่ไหน",
    "Everything the program keeps is in these folders on this computer. Installing a newer version or removing "
    "the program does not touch them. Copy the book and its backups to a USB stick to keep them safe.":
        "ทุกอย่างที่โปรแกรมเก็บไว้อยู่ในโฟลเดอร์เหล่านี้บนเครื่องนี้ การติดตั้งรุ่นใหม่หรือการถอนโปรแกรมจะไม่แตะต้อง"
        "โฟลเดอร์เหล่านี้ คัดลอกสมุดบัญชีและไฟล์สำรองลงแฟลชไดรฟ์ (USB) เก็บไว้ให้ปลอดภัย",
    "The book (all the bank's records, one file)": "สมุดบัญชี (ข้อมูลทั้งหมดของกลุ่ม อยู่ในไฟล์เดียว)",
    "Its backups": "ไฟล์สำรองของสมุดบัญชี",
    "Printed receipts (PDF)": "ใบเสร็จที่พิมพ์แล้ว (PDF)",
    "Meeting day summaries (PDF)": "สรุปวันทำการ (PDF)",
    "Error log (send it with a problem report)": "บันทึกข้อผิดพลาด (ส่งไปพร้อมกับการแจ้งปัญหา)",
    "Open the folder": "เปิดโฟลเดอร์",
    "About villagebank": "เกี่ยวกับโปรแกรม villagebank",
    "villagebank — the books of a village bank": "villagebank — โปรแกรมบัญชีธนาคารหมู่บ้าน",
    "Works offline on this computer. The book and its backups are in {folder}.":
        "ทำงานบนเครื่องนี้โดยไม่ต้องใช้อินเทอร์เน็ต สมุดบัญชีและไฟล์สำรองอยู่ที่ {folder}",
    "In the folder: {folder}": "ในโฟลเดอร์: {folder}",
    "The book workbook is saved": "บันทึกสมุดงานบัญชีแล้ว",
    "The book as of {date}: {members} member(s), {loans} loan(s).":
        "ข้อมูล ณ วันที่ {date}: สมาชิก {members} คน เงินกู้ {loans} สัญญา",
    "Send this file to the network centre (on a USB stick or by e-mail).":
        "ส่งไฟล์นี้ให้ศูนย์เครือข่าย (ทางแฟลชไดรฟ์หรืออีเมล)",
    "Save the book workbook for the network centre": "บันทึกสมุดงานบัญชีสำหรับศูนย์เครือข่าย",
    "Writing the book workbook…": "กำลังเขียนสมุดงานบัญชี…",
}
