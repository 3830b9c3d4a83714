TH = {
    # --- the cash book's corrections (a reversal with a reason) -------------------------------------------------
    "Co&rrect an entry…": "แก้รายการที่ผิด… (&R)",
    "Cancel the chosen entry with a reason (Delete): a correcting entry takes it out of the book; then record it "
    "again as it should be": "ยกเลิกรายการที่เลือกพร้อมเหตุผล (ปุ่ม Delete): โปรแกรมบันทึกรายการแก้ไขหักล้างรายการนั้น "
                             "แล้วจึงบันทึกรายการที่ถูกต้องใหม่",
    "Correct an entry": "แก้รายการที่ผิด",
    "Choose the entry to correct in the list first (not the balance lines).":
        "เลือกรายการที่จะแก้ในตารางก่อน (ไม่ใช่บรรทัดยอดยกมาหรือยอดยกไป)",
    "This entry is itself a correction.": "รายการนี้เป็นรายการแก้ไขอยู่แล้ว แก้ซ้ำไม่ได้",
    "“{kind}” is corrected on its own page (loans, welfare & partners, year end, member page), where its rules are "
    "checked.": "รายการ “{kind}” แก้ได้ที่หน้าของรายการนั้น (เงินกู้ สวัสดิการและกองทุนภายนอก ปิดบัญชีสิ้นปี "
                "หรือหน้าสมาชิก) ซึ่งจะตรวจตามระเบียบให้",
    "Cancel this entry of {date}: {what} ({amount} baht)?": "ยกเลิกรายการนี้ของวันที่ {date}: {what} ({amount} บาท) หรือไม่",
    "A correcting entry dated today takes the money out of the book again, with your reason; the entry stays in "
    "the list. A receipt of it is marked cancelled. Then record what should have been recorded.":
        "โปรแกรมจะบันทึกรายการแก้ไขลงวันที่วันนี้ หักล้างเงินของรายการนั้นออกจากบัญชี พร้อมเหตุผลของท่าน "
        "รายการเดิมยังอยู่ในตาราง ถ้ามีใบเสร็จจะถูกประทับว่ายกเลิก จากนั้นให้บันทึกรายการที่ถูกต้องใหม่",
    "Yes, cancel this entry": "ยืนยัน ยกเลิกรายการนี้",
    "Entry {seq} records the correction.": "บันทึกรายการแก้ไขแล้ว เป็นรายการที่ {seq}",
    # --- the meeting day's summary ----------------------------------------------------------------------------
    "Reason for the difference": "เหตุที่เงินไม่ตรง",
    "Reason for the difference: {reason}": "เหตุที่เงินไม่ตรง: {reason}",
    "Receipts cancelled (numbers): {list}": "ใบเสร็จที่ยกเลิก (เลขที่): {list}",
    # --- a PDF the computer cannot open ------------------------------------------------------------------------
    "The file is saved": "บันทึกไฟล์แล้ว",
    "The computer has no program to show PDF files, so the file was not opened. It is saved here:\n{path}\n\nOpen "
    "it with a PDF reader (for example by double-clicking it in that folder) and print it from there. Help → Where "
    "are my files shows the folder.": "เครื่องนี้ไม่มีโปรแกรมเปิดไฟล์ PDF จึงยังไม่ได้เปิดไฟล์ให้ ไฟล์เก็บไว้ที่:\n{path}\n\n"
                                      "เปิดไฟล์ด้วยโปรแกรมอ่าน PDF (เช่น ดับเบิลคลิกไฟล์ในโฟลเดอร์นั้น) แล้วสั่งพิมพ์จากโปรแกรมนั้น "
                                      "ดูโฟลเดอร์ได้ที่เมนู ช่วยเหลือ → ไฟล์ของฉันอยู่ที่ไหน",
    # --- a damaged book, in words -----------------------------------------------------------------------------
    "the beginning of the file is unreadable": "อ่านส่วนต้นของไฟล์ไม่ได้",
    "part of the file is unreadable": "อ่านข้อมูลบางส่วนในไฟล์ไม่ได้",
    "Technical detail for the person helping you: {detail}": "รายละเอียดทางเทคนิคสำหรับผู้ช่วยดูแล: {detail}",
    # --- a new password from the settings page ----------------------------------------------------------------
    "Set a new pass&word": "ตั้งรหัสผ่านใหม่ (&W)",
    "The user name above gets the password typed twice above (the treasurer may do it for anyone, the others for "
    "themselves)": "ตั้งรหัสผ่านที่พิมพ์สองครั้งด้านบนให้ชื่อผู้ใช้ด้านบน (เหรัญญิกตั้งให้ทุกคนได้ คนอื่นตั้งได้เฉพาะของตนเอง)",
    "The new password is set.": "ตั้งรหัสผ่านใหม่แล้ว",
    # --- the first run on a new computer ----------------------------------------------------------------------
    "A new computer, or the old one broke: choose the newest backup of the book (for example on the USB stick). It "
    "is checked, copied into this computer and opened.": "เครื่องใหม่หรือเครื่องเดิมเสีย: เลือกไฟล์สำรองล่าสุด (เช่น ในแฟลชไดรฟ์) "
                                                         "โปรแกรมตรวจไฟล์ คัดลอกมาไว้ในเครื่องนี้ แล้วเปิดให้",
    "Choose the backup to restore": "เลือกไฟล์สำรองที่จะกู้คืน",
    # --- one loan's repayment schedule -------------------------------------------------------------------------
    "Loan repayment schedule": "ตารางผ่อนชำระเงินกู้",
    "Borrower": "ผู้กู้",
    "Guarantor": "ผู้ค้ำประกัน",
    "Guarantor {n}": "ผู้ค้ำประกันคนที่ {n}",
    "on what is still owed (declining balance)": "คิดจากเงินต้นคงเหลือ (ลดต้นลดดอก)",
    "on the amount borrowed (flat)": "คิดจากเงินต้นที่กู้ (คงที่)",
    "Loan {no}": "สัญญาเงินกู้ที่ {no}",
    "Amount borrowed": "จำนวนเงินกู้",
    "{rate}% a month, {method}": "ร้อยละ {rate} ต่อเดือน {method}",
    "Term": "ระยะเวลา",
    "{months} months": "{months} เดือน",
    "Paid out on": "วันที่จ่ายเงินกู้",
    "not paid out yet": "ยังไม่ได้จ่ายเงินกู้",
    "Purpose": "วัตถุประสงค์",
    "Still owed today": "เงินต้นคงเหลือวันนี้",
    "Installment": "งวดที่",
    "Due on": "กำหนดชำระ",
    "To pay": "ต้องชำระ",
    "Owed after it": "เงินต้นคงเหลือ",
    "The interest is what falls due when every installment is paid on its meeting day; paying more or earlier "
    "lowers it, paying late adds to it. Payments go to the interest due first, then to the principal.":
        "ดอกเบี้ยในตารางคิดจากการชำระตรงทุกงวดในวันทำการ ถ้าชำระมากขึ้นหรือเร็วขึ้นดอกเบี้ยจะลดลง ถ้าชำระช้าดอกเบี้ยจะเพิ่มขึ้น "
        "เงินที่ชำระตัดดอกเบี้ยที่ถึงกำหนดก่อน แล้วจึงตัดเงินต้น",
    "give the loan with --loan N": "ระบุสัญญาเงินกู้ด้วย --loan N",
    "one loan's repayment schedule (report schedule)": "ตารางผ่อนชำระของเงินกู้สัญญาเดียว (รายงาน schedule)",
    "Print the &schedule…": "พิมพ์ตารางผ่อนชำระ… (&S)",
    "The loan's installments as a PDF, with lines for the borrower, the guarantors, the treasurer and the chair to "
    "sign": "งวดผ่อนชำระของสัญญานี้เป็นไฟล์ PDF พร้อมที่ลงชื่อผู้กู้ ผู้ค้ำประกัน เหรัญญิก และประธาน",
    "the book file is damaged: the check of its pages found {count} fault(s)":
        "ไฟล์สมุดบัญชีเสียหาย: การตรวจหน้าข้อมูลของไฟล์พบจุดเสีย {count} จุด",
    "the check of its pages found faults": "การตรวจหน้าข้อมูลของไฟล์พบจุดเสีย",
}
