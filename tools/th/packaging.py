TH = {
    # --- CLI: selfcheck (packaging) ----------------------------------------------------------------------
    "check this installation: fonts, translations, schema scripts and a Thai PDF (needs no book)":
        "ตรวจการติดตั้งโปรแกรม: แบบอักษร คำแปล สคริปต์ปรับรุ่นสมุดบัญชี และการพิมพ์ PDF ภาษาไทย (ไม่ต้องใช้สมุดบัญชี)",
    "keep the test PDF in FILE": "เก็บไฟล์ PDF ที่ใช้ทดสอบไว้ที่ FILE",
    "Program": "โปรแกรม",
    "Your files": "ไฟล์ของคุณ",
    "Fonts": "แบบอักษร",
    "Translations": "คำแปล",
    "Schema upgrades": "การปรับรุ่นสมุดบัญชี",
    "Thai PDF": "PDF ภาษาไทย",
    "ok": "ผ่าน",
    "FAILED": "ไม่ผ่าน",
    "installed program": "โปรแกรมที่ติดตั้ง",
    "source tree": "รหัสต้นฉบับ",
    "books in {folder}, backups in {backups}": "สมุดบัญชีอยู่ที่ {folder} ไฟล์สำรองอยู่ที่ {backups}",
    "{count} revisions, head {head}": "{count} รุ่น รุ่นล่าสุด {head}",
    "Text": "ข้อความ",
    "Self-check": "ตรวจการติดตั้ง",
    "Version {version}": "รุ่น {version}",
    "{pages} page(s), {kb} KB; words: {words}": "{pages} หน้า {kb} KB ตัดคำได้: {words}",
}
