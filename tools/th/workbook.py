TH = {
    # export, the note sheet, the CLI
    "Allocation and member payouts come from the year-end close, which this version cannot do yet: those sheets "
    "have headers and no rows.":
        "การจัดสรรกำไรและเงินปันผล/เฉลี่ยคืนรายสมาชิกมาจากการปิดบัญชีประจำปี ซึ่งโปรแกรมรุ่นนี้ยังทำไม่ได้ "
        "แผ่นงานทั้งสองจึงมีแต่หัวตาราง ยังไม่มีรายการ",
    "Allocation and member payouts need the year-end close, which this version cannot do yet: they are written "
    "with headers only.":
        "การจัดสรรกำไรและเงินปันผล/เฉลี่ยคืนรายสมาชิกต้องปิดบัญชีประจำปีก่อน ซึ่งโปรแกรมรุ่นนี้ยังทำไม่ได้ "
        "จึงเขียนไว้เฉพาะหัวตาราง",
    "Balances as of {date}:": "ยอดคงเหลือ ณ วันที่ {date}:",
    "Book workbook of {bank}": "สมุดบัญชีของ{bank} (ไฟล์ Excel)",
    "Column": "คอลัมน์",
    "Dry run: nothing was written. The workbook can be imported into {what} {path}.":
        "ทดลองนำเข้าเท่านั้น ยังไม่ได้บันทึกอะไร ไฟล์นี้นำเข้า{what} {path} ได้",
    "Exported by villagebank {version} on {date}. The figures are as of {as_of}.":
        "ส่งออกจากโปรแกรม villagebank รุ่น {version} เมื่อวันที่ {date} ตัวเลขทั้งหมด ณ วันที่ {as_of}",
    "Exported {path} (figures as of {date})": "ส่งออกไฟล์ {path} แล้ว (ตัวเลข ณ วันที่ {date})",
    "Headers are the Thai labels; each header's comment gives its key, which programs should use (book workbook "
    "format, version 1).":
        "หัวคอลัมน์เป็นชื่อภาษาไทย ความเห็น (comment) ที่หัวคอลัมน์บอกรหัสของคอลัมน์ ซึ่งโปรแกรมอื่นควรใช้ "
        "(รูปแบบไฟล์สมุดบัญชี รุ่นที่ 1)",
    "Imported {file} into {what} {path}.": "นำเข้าไฟล์ {file} สู่{what} {path} แล้ว",
    "Key": "รหัส",
    "Meetings: {count}": "วันทำการ (การประชุม): {count}",
    "New categories: {names}": "หมวดบัญชีใหม่: {names}",
    "Nothing was written: {count} problem(s) in {file}": "ไม่ได้บันทึกอะไรเลย: พบปัญหา {count} รายการในไฟล์ {file}",
    "Other fee": "ค่าธรรมเนียมอื่น",
    "Savings, loans and overdue by bank": "เงินสัจจะ เงินกู้คงเหลือ และเงินกู้ค้างชำระ แยกตามกลุ่ม",
    "Sheet": "แผ่นงาน",
    "This file is a copy for reading. Changing it changes nothing in the app: a changed file takes effect only "
    "when it is imported again (villagebank import).":
        "ไฟล์นี้เป็นสำเนาสำหรับอ่าน การแก้ไขในไฟล์นี้ไม่เปลี่ยนแปลงข้อมูลในโปรแกรม "
        "ไฟล์ที่แก้ไขแล้วจะมีผลก็ต่อเมื่อนำเข้าอีกครั้ง (villagebank import) เท่านั้น",
    "Warning: {problem}": "คำเตือน: {problem}",
    "Wrote {path}: {count} bank(s)": "เขียนไฟล์ {path} แล้ว: {count} กลุ่ม",
    "a new book": "สมุดบัญชีใหม่",
    "the book": "สมุดบัญชี",
    "baht": "บาท",
    "{count} bank(s)": "{count} กลุ่ม",
    "check the workbook and show what would be imported, without writing":
        "ตรวจไฟล์และแสดงสิ่งที่จะนำเข้า โดยยังไม่บันทึก",
    "import a book workbook (.xlsx) into the book: all or nothing":
        "นำเข้าไฟล์สมุดบัญชี (.xlsx) เข้าสมุดบัญชี: นำเข้าทั้งหมดหรือไม่นำเข้าเลย",
    "write the book workbook (.xlsx) for the network centre": "เขียนไฟล์สมุดบัญชี (.xlsx) ส่งศูนย์เครือข่าย",
    "the date the figures are as of (default: today)": "วันที่ของตัวเลขในไฟล์ (ถ้าไม่ระบุ ใช้วันนี้)",
    "the network centre: combine the banks' workbooks": "ศูนย์เครือข่าย: รวมไฟล์ของกลุ่มต่าง ๆ",
    "one summary row per bank, totals, allocations and a chart":
        "สรุปกลุ่มละหนึ่งแถว ยอดรวม การจัดสรรกำไร และแผนภูมิ",
    "name at least one bank workbook to consolidate": "ระบุไฟล์ของกลุ่มอย่างน้อยหนึ่งไฟล์เพื่อรวม",
    "reading": "กำลังอ่าน",
    "posting": "กำลังบันทึก",
    "writing": "กำลังเขียน",
    # reading cells and sheets
    "“{value}” is not a date: use a date cell or day/month/year, for example 03/07/2568":
        "“{value}” ไม่ใช่วันที่: ใช้ช่องวันที่ หรือพิมพ์ วัน/เดือน/ปี เช่น 03/07/2568",
    "“{value}” is not a percentage": "“{value}” ไม่ใช่ร้อยละ",
    "“{value}” is not a whole number": "“{value}” ไม่ใช่จำนวนเต็ม",
    "“{value}” is not an amount; type baht, for example 1,234.50":
        "“{value}” ไม่ใช่จำนวนเงิน ใส่เป็นบาท เช่น 1,234.50",
    "“{value}” is not one of: {allowed}": "“{value}” ไม่ใช่ค่าที่ใช้ได้: {allowed}",
    "this cell must not be empty": "ช่องนี้ต้องไม่ว่าง",
    "the column “{name}” appears twice": "คอลัมน์ “{name}” มีซ้ำสองครั้ง",
    "the column “{name}” is not part of this sheet and is ignored": "คอลัมน์ “{name}” ไม่ใช่ของแผ่นงานนี้ จึงข้ามไป",
    "the required column “{label}” ({key}) is missing": "ไม่มีคอลัมน์ “{label}” ({key}) ซึ่งต้องมี",
    "the key “{name}” appears twice": "รหัส “{name}” มีซ้ำสองครั้ง",
    "the key “{name}” is not known and is ignored": "ไม่รู้จักรหัส “{name}” จึงข้ามไป",
    "this sheet is not part of the book workbook and is ignored": "แผ่นงานนี้ไม่ใช่ส่วนของไฟล์สมุดบัญชี จึงข้ามไป",
    "two sheets hold {what}: “{first}” and “{second}”": "มีสองแผ่นงานที่เป็น{what}: “{first}” และ “{second}”",
    "the workbook has no “{thai}” ({key}) sheet: it is not a book workbook":
        "ไฟล์นี้ไม่มีแผ่นงาน “{thai}” ({key}) จึงไม่ใช่ไฟล์สมุดบัญชี",
    "the workbook is of version “{value}”; this program reads version {version}":
        "ไฟล์นี้เป็นรูปแบบรุ่น “{value}” โปรแกรมนี้อ่านได้เฉพาะรุ่น {version}",
    "this is not a villagebank book workbook: the bank sheet's format is “{value}”, not “{expected}”":
        "ไฟล์นี้ไม่ใช่ไฟล์สมุดบัญชีของ villagebank: รูปแบบในแผ่นงานข้อมูลกลุ่มคือ “{value}” ไม่ใช่ “{expected}”",
    "{path} is not an Excel workbook (.xlsx) that can be read: {error}":
        "{path} ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้: {error}",
    # importing
    "a new book needs the bank's name (name)": "สมุดบัญชีใหม่ต้องมีชื่อกลุ่ม (name)",
    "a file appeared at {path} during the import; nothing was written":
        "มีไฟล์เกิดขึ้นที่ {path} ระหว่างการนำเข้า จึงไม่ได้บันทึกอะไร",
    "the meeting of {date} is still open in the book; close it before importing":
        "วันทำการ {date} ยังเปิดอยู่ในสมุดบัญชี ปิดวันทำการก่อนนำเข้า",
    "the workbook is of “{workbook}” and the book of “{book}”": "ไฟล์นี้เป็นของ “{workbook}” แต่สมุดบัญชีเป็นของ “{book}”",
    "the workbook's rules differ from the book's ({names}); the book's rules apply":
        "ระเบียบในไฟล์ต่างจากระเบียบในสมุดบัญชี ({names}) จะใช้ระเบียบของสมุดบัญชี",
    "member number {no} is already on row {row}": "เลขที่สมาชิก {no} มีอยู่แล้วในแถวที่ {row}",
    "citizen ID {cid} is already on row {row}": "เลขประจำตัวประชาชน {cid} มีอยู่แล้วในแถวที่ {row}",
    "loan number {no} is already on row {row}": "เลขที่สัญญา {no} มีอยู่แล้วในแถวที่ {row}",
    "a member who resigned or died needs the exit date": "สมาชิกที่ลาออกหรือเสียชีวิตต้องมีวันที่พ้นสภาพ",
    "an exit date is given but the member has not left (status {status})":
        "มีวันที่พ้นสภาพ แต่สมาชิกยังไม่ได้พ้นสภาพ (สถานะ {status})",
    "the exit date is before the join date": "วันที่พ้นสภาพอยู่ก่อนวันที่เข้าเป็นสมาชิก",
    "the direction of “{category}” must be “{expected}”": "รายการ “{category}” ต้องเป็น “{expected}”",
    "“{category}” is not a category: use expense:<name>, income:<name>, bank_deposit, bank_withdrawal, "
    "opening_cash or opening_bank":
        "“{category}” ไม่ใช่หมวดบัญชี: ใช้ expense:<ชื่อ>, income:<ชื่อ>, bank_deposit, bank_withdrawal, "
        "opening_cash หรือ opening_bank",
    "member {no} leaves on {date}: the withdrawal must be the whole balance of {balance} baht":
        "สมาชิกเลขที่ {no} พ้นสภาพวันที่ {date}: ต้องถอนเงินทั้งหมด {balance} บาท",
    "member {no} has left and is owed {owed} baht: the withdrawal must be that amount":
        "สมาชิกเลขที่ {no} พ้นสภาพแล้ว กลุ่มค้างจ่าย {owed} บาท ยอดถอนต้องเท่ากับจำนวนนี้",
    "left the bank (recorded by a workbook import)": "พ้นสภาพ (บันทึกจากการนำเข้าไฟล์)",
    "the row could not be recorded: {error}": "บันทึกแถวนี้ไม่ได้: {error}",
    "the history in this workbook makes the status of member {no} “{actual}”, not “{expected}”":
        "ตามประวัติในไฟล์นี้ สมาชิกเลขที่ {no} มีสถานะ “{actual}” ไม่ใช่ “{expected}”",
    "the history in this workbook ends the membership of member {no} on {actual}":
        "ตามประวัติในไฟล์นี้ สมาชิกเลขที่ {no} พ้นสภาพวันที่ {actual}",
    "dividends credited to shares (dividend_to_shares) are not supported yet by this version":
        "เงินปันผลเข้าหุ้น (dividend_to_shares) โปรแกรมรุ่นนี้ยังไม่รองรับ",
    "money collected for partner funds (pass_through) is not supported yet by this version":
        "เงินรับฝากส่งต่อ (pass_through) โปรแกรมรุ่นนี้ยังไม่รองรับ",
    "welfare claims (welfare_claims) are not supported yet by this version":
        "การจ่ายสวัสดิการ (welfare_claims) โปรแกรมรุ่นนี้ยังไม่รองรับ",
    # the ledger: split repayments, the book file
    "a repayment needs principal or interest of more than zero": "การชำระเงินกู้ต้องมีเงินต้นหรือดอกเบี้ยมากกว่าศูนย์",
    "{interest} baht of interest is more than the {due} baht due on loan {no} on {date}":
        "ดอกเบี้ย {interest} บาท มากกว่าดอกเบี้ยที่ถึงกำหนด {due} บาท ของสัญญาเงินกู้ที่ {no} ณ วันที่ {date}",
    "{principal} baht of principal is more than the {balance} baht loan {no} still owes":
        "เงินต้น {principal} บาท มากกว่าเงินต้นคงเหลือ {balance} บาท ของสัญญาเงินกู้ที่ {no}",
    "cannot write {path}: {error}": "เขียนไฟล์ {path} ไม่ได้: {error}",
    "cannot copy the book to {path} ({error})": "คัดลอกสมุดบัญชีไปที่ {path} ไม่ได้ ({error})",
    "{path} is not a copy of this book": "{path} ไม่ใช่สำเนาของสมุดบัญชีนี้",
    "{path} is still open; close it first": "{path} ยังเปิดอยู่ ปิดก่อน",
    "the book is open in another program; close it there first": "สมุดบัญชีเปิดอยู่ในโปรแกรมอื่น ปิดที่นั่นก่อน",
    "the book file could not be replaced ({error}); the book is as it was":
        "แทนที่ไฟล์สมุดบัญชีไม่ได้ ({error}) สมุดบัญชียังเหมือนเดิม",
    # exporting
    "entry {seq} of {date} ({kind}) has no place in workbook version 1 and is left out":
        "รายการที่ {seq} วันที่ {date} ({kind}) ไม่มีที่ในไฟล์รูปแบบรุ่นที่ 1 จึงไม่ได้ส่งออก",
    "entry {seq} of {date} and its correction (entry {by}) are left out: they cancel out":
        "รายการที่ {seq} วันที่ {date} และรายการแก้ไข (รายการที่ {by}) ไม่ได้ส่งออก เพราะหักล้างกันพอดี",
    "entry {seq} of {date}: savings besides shares ({account}) have no sheet in workbook version 1":
        "รายการที่ {seq} วันที่ {date}: เงินออมประเภทอื่นนอกจากเงินสัจจะ ({account}) ไม่มีแผ่นงานในไฟล์รูปแบบรุ่นที่ 1",
    # the network centre
    "{count} file(s) cannot be consolidated; nothing was written": "รวมไฟล์ไม่ได้ {count} ไฟล์ จึงไม่ได้เขียนอะไร",
    "a figure cannot be read: {error}": "อ่านตัวเลขไม่ได้: {error}",
    "it has no “{thai}” ({key}) sheet": "ไม่มีแผ่นงาน “{thai}” ({key})",
    "it has no “{thai}” ({key}) sheet: it is not a book workbook": "ไม่มีแผ่นงาน “{thai}” ({key}) จึงไม่ใช่ไฟล์สมุดบัญชี",
    "it is not a book workbook (format “{value}”)": "ไม่ใช่ไฟล์สมุดบัญชี (รูปแบบ “{value}”)",
    "it is not an Excel workbook (.xlsx) that can be read: {error}": "ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้: {error}",
    "its version “{value}” is unknown; this program reads version {version}":
        "ไม่รู้จักรูปแบบรุ่น “{value}” โปรแกรมนี้อ่านได้เฉพาะรุ่น {version}",
}
