"""Thai for the GUI's strings (ui/). Appended to the catalogues with ``python tools/po_append.py tools/th/gui.py``."""

TH = {
    # --- start-up, errors, progress ---------------------------------------------------------------
    "Opening the book…": "กำลังเปิดสมุดบัญชี…",
    "Preparing the demo book…": "กำลังเตรียมสมุดบัญชีตัวอย่าง…",
    "Your bank's book was created: {path}": "สร้างสมุดบัญชีของกลุ่มแล้ว: {path}",
    "Open a book file": "เปิดแฟ้มสมุดบัญชี",
    "Village bank books (*.vbk);;All files (*)": "สมุดบัญชีธนาคารหมู่บ้าน (*.vbk);;ทุกแฟ้ม (*)",
    "OK": "ตกลง",
    "Please check": "กรุณาตรวจสอบ",
    "Something unexpected went wrong, and this action did not finish.\n\nEverything saved before is safe. "
    "If it happens again, please give the file\n{path}\nto the person who helps you with the program.":
        "เกิดปัญหาที่ไม่คาดคิด งานนี้จึงทำไม่เสร็จ\n\nข้อมูลที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ ถ้าเกิดขึ้นอีก "
        "กรุณาส่งแฟ้ม\n{path}\nให้ผู้ที่ช่วยดูแลโปรแกรม",
    "Something went wrong": "เกิดปัญหา",
    "Monday": "วันจันทร์",
    "Tuesday": "วันอังคาร",
    "Wednesday": "วันพุธ",
    "Thursday": "วันพฤหัสบดี",
    "Friday": "วันศุกร์",
    "Saturday": "วันเสาร์",
    "Sunday": "วันอาทิตย์",
    "{weekday} {date}": "{weekday}ที่ {date}",
    "Working…": "กำลังทำงาน…",
    "Stop": "หยุด",
    "Please wait": "กรุณารอสักครู่",
    "Stopping…": "กำลังหยุด…",
    # --- Qt's own buttons and menus ---------------------------------------------------------------
    "Cancel": "ยกเลิก",
    "&Yes": "ใช่ (&Y)",
    "&No": "ไม่ (&N)",
    "Close": "ปิด",
    "Save": "บันทึก",
    "Open": "เปิด",
    "Apply": "ใช้ค่านี้",
    "Discard": "ทิ้ง",
    "Help": "วิธีใช้",
    "Reset": "ตั้งค่าใหม่",
    "Retry": "ลองอีกครั้ง",
    "Ignore": "ข้าม",
    "Abort": "เลิกทำ",
    "Restore Defaults": "กลับไปใช้ค่าเริ่มต้น",
    "&Undo": "เลิกทำ (&U)",
    "&Redo": "ทำซ้ำ (&R)",
    "Cu&t": "ตัด (&T)",
    "&Copy": "คัดลอก (&C)",
    "&Paste": "วาง (&P)",
    "Delete": "ลบ",
    "Select All": "เลือกทั้งหมด",
    "&Step up": "เพิ่มขึ้น (&S)",
    "Step &down": "ลดลง (&D)",
    "&Select All": "เลือกทั้งหมด (&S)",
    "File &name:": "ชื่อแฟ้ม (&N):",
    "Files of type:": "ชนิดแฟ้ม:",
    "Look in:": "ดูใน:",
    # --- rules: sections, meanings, choices, units ------------------------------------------------
    "Shares and saving": "หุ้นและเงินสัจจะ",
    "Loans": "เงินกู้",
    "Year end": "ปิดบัญชีสิ้นปี",
    "Meeting day and cash": "วันทำการและเงินสด",
    "Welfare": "สวัสดิการ",
    "The price of one share. Savings are always a whole number of shares.":
        "ราคาของหุ้นหนึ่งหุ้น เงินสัจจะนับเป็นจำนวนหุ้นเต็มเสมอ",
    "Every member must save at least this much at every meeting (the saving promise).":
        "สมาชิกทุกคนต้องออมอย่างน้อยเท่านี้ทุกครั้งที่มีวันทำการ (ตามสัจจะที่ให้ไว้)",
    "A new member's first saving must be at least this much.":
        "สมาชิกใหม่ต้องฝากครั้งแรกอย่างน้อยเท่านี้",
    "Paid once by a new member; it is income of the bank, not the member's savings.":
        "สมาชิกใหม่จ่ายครั้งเดียว เป็นรายได้ของกลุ่ม ไม่ใช่เงินออมของสมาชิก",
    "The most one member may save at one meeting, so that nobody buys a lot of shares just before the "
    "dividend. Leave empty for no limit.":
        "สมาชิกหนึ่งคนฝากได้ไม่เกินเท่านี้ต่อครั้ง เพื่อกันการทุ่มหุ้นก่อนปันผล เว้นว่างไว้ถ้าไม่จำกัด",
    "The most savings one member may hold in total. Leave empty for no limit.":
        "สมาชิกหนึ่งคนมีเงินสัจจะรวมได้ไม่เกินเท่านี้ เว้นว่างไว้ถ้าไม่จำกัด",
    "When ticked, members take their savings out only when they leave the bank.":
        "ถ้าเลือกไว้ สมาชิกจะถอนเงินสัจจะได้เฉพาะตอนลาออกจากกลุ่ม",
    "Charged when a member misses a saving at a meeting. 0 means no fine.":
        "เก็บเมื่อสมาชิกขาดส่งสัจจะในวันทำการ ใส่ 0 ถ้าไม่มีค่าปรับ",
    "A member who misses saving more often than this in one year may not borrow for a while.":
        "สมาชิกที่ขาดส่งสัจจะในปีเดียวมากกว่านี้ จะงดกู้ไปช่วงหนึ่ง",
    "How long a member who missed too often must wait before borrowing again.":
        "สมาชิกที่ขาดส่งบ่อยเกินไปต้องรอนานเท่านี้จึงจะกู้ได้อีก",
    "A member who misses this many meetings in a row stops being a member; the savings are paid back at "
    "year end.":
        "สมาชิกที่ขาดส่งติดต่อกันครบเท่านี้จะพ้นสภาพสมาชิก และได้รับเงินสัจจะคืนตอนสิ้นปี",
    "A new member saves for this many months before the first loan.":
        "สมาชิกใหม่ต้องออมครบเท่านี้ก่อนจึงจะกู้ครั้งแรกได้",
    "Interest each month, in percent. 1 means 1 baht a month for every 100 baht borrowed.":
        "ดอกเบี้ยต่อเดือน เป็นร้อยละ ใส่ 1 หมายถึงกู้ทุก 100 บาท เสียดอกเบี้ยเดือนละ 1 บาท",
    "How interest is counted: on what is still owed (it falls as the loan is repaid), or always on the amount "
    "first borrowed.":
        "วิธีคิดดอกเบี้ย: คิดจากเงินต้นที่ยังค้างอยู่ (ดอกเบี้ยลดลงเมื่อผ่อนคืน) หรือคิดจากเงินที่กู้ไปตั้งแต่แรกทุกงวด",
    "Monthly repayments are rounded to this amount; the last one takes what is left.":
        "เงินงวดรายเดือนปัดเป็นหน่วยนี้ งวดสุดท้ายเป็นเงินที่เหลือทั้งหมด",
    "The longest time a loan may run. Leave at no limit if the committee decides each time.":
        "ระยะเวลากู้นานที่สุด ตั้งเป็นไม่จำกัดถ้าคณะกรรมการตัดสินเป็นรายสัญญา",
    "The largest single loan. Leave empty for no limit.":
        "เงินกู้ต่อสัญญาได้ไม่เกินเท่านี้ เว้นว่างไว้ถ้าไม่จำกัด",
    "How many members must guarantee each loan (they pay if the borrower cannot).":
        "เงินกู้แต่ละสัญญาต้องมีสมาชิกค้ำประกันกี่คน (ผู้ค้ำต้องชดใช้ถ้าผู้กู้ไม่จ่าย)",
    "One member may guarantee at most this many loans that are not yet repaid.":
        "สมาชิกหนึ่งคนค้ำเงินกู้ที่ยังผ่อนไม่หมดได้ไม่เกินเท่านี้สัญญา",
    "A guarantor may guarantee at most this percentage of their own savings. Leave empty for no limit.":
        "ผู้ค้ำค้ำประกันได้ไม่เกินร้อยละเท่านี้ของเงินสัจจะของตนเอง เว้นว่างไว้ถ้าไม่จำกัด",
    "When ticked, two members may not each guarantee the other's loan.":
        "ถ้าเลือกไว้ สมาชิกสองคนจะค้ำประกันให้กันและกันไม่ได้",
    "When ticked, a member with a late repayment cannot take a new loan.":
        "ถ้าเลือกไว้ สมาชิกที่ค้างชำระเงินกู้จะกู้ใหม่ไม่ได้",
    "When ticked, a loan cannot be larger than the cash the bank has.":
        "ถ้าเลือกไว้ จะให้กู้เกินเงินสดที่กลุ่มมีอยู่ไม่ได้",
    "The bank's year starts in this month; profit is shared out at the end of each year.":
        "ปีบัญชีของกลุ่มเริ่มเดือนนี้ และแบ่งกำไรเมื่อสิ้นปีบัญชี",
    "Part of the year's profit kept as the bank's reserve. The six parts must add up to 100%.":
        "ส่วนของกำไรที่เก็บเป็นเงินสำรองของกลุ่ม ทั้งหกส่วนรวมกันต้องได้ 100%",
    "Part of the profit given back to members by how much they saved and for how long.":
        "ส่วนของกำไรที่เฉลี่ยคืนสมาชิกตามเงินที่ออมและระยะเวลาที่ออม",
    "Part of the profit given back to members by how much loan interest they paid.":
        "ส่วนของกำไรที่เฉลี่ยคืนสมาชิกตามดอกเบี้ยเงินกู้ที่จ่ายในปี",
    "Part of the profit put into the welfare fund for members' medical costs.":
        "ส่วนของกำไรที่เข้ากองทุนสวัสดิการ เพื่อช่วยค่ารักษาพยาบาลของสมาชิก",
    "Part of the profit kept for developing the group.":
        "ส่วนของกำไรที่เก็บไว้พัฒนากลุ่ม",
    "Part of the profit shared equally by the committee members for their work.":
        "ส่วนของกำไรที่แบ่งให้กรรมการเท่า ๆ กัน เป็นค่าตอบแทนการทำงาน",
    "Year-end amounts are rounded down to this many satang; what is left over goes to the reserve. 1 means "
    "exact to the satang.":
        "เงินที่จัดสรรสิ้นปีปัดลงเป็นหน่วยละเท่านี้สตางค์ เศษที่เหลือเข้าเงินสำรอง ใส่ 1 หมายถึงละเอียดถึงสตางค์",
    "How members receive their year-end share of the profit.":
        "สมาชิกได้รับเงินปันผลและเงินเฉลี่ยคืนสิ้นปีด้วยวิธีใด",
    "The day of each month when members come to save and repay.":
        "วันที่ของทุกเดือนที่สมาชิกมาฝากเงินสัจจะและชำระเงินกู้",
    "Cash above this should be taken to the bank account. Leave empty for no limit.":
        "เงินสดที่เกินจำนวนนี้ควรนำฝากบัญชีธนาคาร เว้นว่างไว้ถ้าไม่จำกัด",
    "A new member must wait this many days before receiving welfare benefits.":
        "สมาชิกใหม่ต้องเป็นสมาชิกครบเท่านี้วันจึงจะได้รับสวัสดิการ",
    "Paid each time a member gives birth.": "จ่ายทุกครั้งที่สมาชิกคลอดบุตร",
    "Paid for each night a member stays in hospital.": "จ่ายทุกคืนที่สมาชิกนอนโรงพยาบาล",
    "The most hospital benefit one member receives in a year.":
        "สวัสดิการนอนโรงพยาบาลที่สมาชิกหนึ่งคนได้รับสูงสุดต่อปี",
    "Paid to the family when a member dies; the longer the membership, the more. Each line: from how many "
    "days of membership, how much.":
        "จ่ายให้ครอบครัวเมื่อสมาชิกเสียชีวิต เป็นสมาชิกนานยิ่งได้มาก แต่ละบรรทัดคือ เป็นสมาชิกครบกี่วัน ได้เท่าไร",
    "Welfare claims are paid on these days of each month.": "จ่ายสวัสดิการในวันที่เหล่านี้ของทุกเดือน",
    "Money the bank collects from members for another fund and passes on to it, such as the National "
    "Savings Fund or the community welfare fund.":
        "เงินที่กลุ่มเก็บจากสมาชิกแทนกองทุนอื่นแล้วนำส่งต่อ เช่น กองทุนการออมแห่งชาติ (กอช.) หรือกองทุนสวัสดิการชุมชน",
    "On what is still owed (declining balance)": "คิดจากเงินต้นที่ยังค้าง (ลดต้นลดดอก)",
    "Always on the amount first borrowed (flat)": "คิดจากเงินกู้ตั้งต้นทุกงวด (ดอกเบี้ยคงที่)",
    "Paid in cash at a meeting": "จ่ายเป็นเงินสดในวันทำการ",
    "Added to the member's savings": "เพิ่มเข้าเงินสัจจะของสมาชิก",
    "times": "ครั้ง",
    "months": "เดือน",
    "people": "คน",
    "loans": "สัญญา",
    "satang": "สตางค์",
    "days": "วัน",
    # --- questions and reasons --------------------------------------------------------------------
    "Go back": "ย้อนกลับ",
    "&Reason:": "เหตุผล (&R):",
    "for example: decided at the meeting of 3 July 2568": "เช่น มติที่ประชุมใหญ่วันที่ 3 กรกฎาคม 2568",
    "The reason is kept in the book with the change.": "เหตุผลจะถูกเก็บไว้ในสมุดบัญชีคู่กับการเปลี่ยนแปลง",
    "Please write a reason.": "กรุณาเขียนเหตุผล",
    # --- member form --------------------------------------------------------------------------------
    "Register a new member": "ลงทะเบียนสมาชิกใหม่",
    "Change the details of member {no}": "แก้ไขข้อมูลสมาชิกเลขที่ {no}",
    "the next number": "ใช้เลขถัดไป",
    "This member is a group of people": "สมาชิกนี้เป็นกลุ่มคน",
    "The person": "ข้อมูลบุคคล",
    "Leave it for the next number, or type the number from the paper register.":
        "ปล่อยไว้เพื่อใช้เลขถัดไป หรือพิมพ์เลขที่จากทะเบียนสมาชิกเล่มเดิม",
    "Membership": "การเป็นสมาชิก",
    "Address": "ที่อยู่",
    "Work, money and welfare": "อาชีพ รายได้ และสวัสดิการ",
    "Who receives the death benefit.": "ผู้ที่จะได้รับเงินสวัสดิการเมื่อสมาชิกเสียชีวิต",
    "&Save": "บันทึก (&S)",
    "Cancel (Esc)": "ยกเลิก (Esc)",
    "Fields marked * must be filled in. Enter saves, Esc cancels.":
        "ช่องที่มีเครื่องหมาย * ต้องกรอก กด Enter เพื่อบันทึก กด Esc เพื่อยกเลิก",
    "not given": "ไม่ระบุ",
    "male": "ชาย",
    "female": "หญิง",
    "Please correct the fields marked in red.": "กรุณาแก้ไขช่องที่มีกรอบสีแดง",
    "Nothing was changed.": "ไม่มีการเปลี่ยนแปลงใด ๆ",
    "No. {no}: {name} (joined {date})": "เลขที่ {no}: {name} (เข้าเป็นสมาชิก {date})",
    "A member with the same citizen ID is already registered:": "มีสมาชิกที่ใช้เลขประจำตัวประชาชนนี้ลงทะเบียนไว้แล้ว:",
    "A member with the same name is already registered. Is this the same person?":
        "มีสมาชิกชื่อเดียวกันนี้ลงทะเบียนไว้แล้ว เป็นคนเดียวกันหรือไม่",
    "Maybe already registered": "อาจลงทะเบียนไว้แล้ว",
    "Save anyway": "บันทึกต่อไป",
    "Go back and check": "กลับไปตรวจดูก่อน",
    "Leave without saving?": "ออกโดยไม่บันทึกหรือไม่",
    "What you typed in this form will be lost.": "ข้อมูลที่พิมพ์ไว้ในแบบฟอร์มนี้จะหายไป",
    "Leave without saving": "ออกโดยไม่บันทึก",
    "Go back to the form": "กลับไปที่แบบฟอร์ม",
    # --- member page --------------------------------------------------------------------------------
    "(until {date})": "(ถึง {date})",
    "Details": "ข้อมูลสมาชิก",
    "Status history": "ประวัติสถานะ",
    "Date": "วันที่",
    "Changes to the details": "ประวัติการแก้ไขข้อมูล",
    "When": "เมื่อ",
    "What": "ข้อมูลที่แก้",
    "Before": "เดิม",
    "After": "ใหม่",
    "By": "ผู้แก้ไข",
    "No changes since the member was registered.": "ยังไม่มีการแก้ไขข้อมูลตั้งแต่ลงทะเบียน",
    "← Back to the list (Esc)": "← กลับไปที่รายชื่อ (Esc)",
    "&Edit details (F2)": "แก้ไขข้อมูล (&E) (F2)",
    "Member {no}: {name} ({status})": "สมาชิกเลขที่ {no}: {name} ({status})",
    # --- members page -------------------------------------------------------------------------------
    "Members": "สมาชิก",
    "The member register: find, register and change members": "ทะเบียนสมาชิก: ค้นหา ลงทะเบียน และแก้ไขข้อมูลสมาชิก",
    "&Find:": "ค้นหา (&F):",
    "member number, or a few letters of the name": "เลขที่สมาชิก หรือบางส่วนของชื่อ",
    "Sho&w:": "แสดง (&W):",
    "&Order:": "เรียง (&O):",
    "&New member": "สมาชิกใหม่ (&N)",
    "Current members": "สมาชิกปัจจุบัน",
    "Everyone, former members too": "ทุกคน รวมผู้ที่พ้นสภาพแล้ว",
    "Only: {status}": "เฉพาะ: {status}",
    "by number": "ตามเลขที่",
    "by name (ก–ฮ)": "ตามชื่อ (ก–ฮ)",
    "Showing {shown} of {total} members": "แสดง {shown} จาก {total} คน",
    # --- settings -----------------------------------------------------------------------------------
    "&Save the bank's details": "บันทึกข้อมูลกลุ่ม (&S)",
    "The bank's details were saved.": "บันทึกข้อมูลกลุ่มแล้ว",
    "&Save the rules…": "บันทึกระเบียบ (&S)…",
    "&Undo my changes": "ยกเลิกที่แก้ไว้ (&U)",
    "Rules are the bank's regulations as decided by its members. Each change is kept in the book with the "
    "reason.":
        "ระเบียบคือข้อบังคับของกลุ่มตามมติของสมาชิก ทุกครั้งที่เปลี่ยนจะเก็บไว้ในสมุดบัญชีพร้อมเหตุผล",
    "Undo your changes?": "ยกเลิกที่แก้ไว้หรือไม่",
    "The rules go back to what is saved in the book.": "ระเบียบจะกลับไปเป็นตามที่บันทึกไว้ในสมุดบัญชี",
    "Undo my changes": "ยกเลิกที่แก้ไว้",
    "Keep my changes": "เก็บที่แก้ไว้",
    "The rules were not changed.": "ระเบียบไม่มีการเปลี่ยนแปลง",
    "What changes:": "สิ่งที่เปลี่ยน:",
    "Save the rules": "บันทึกระเบียบ",
    "Why are the rules changing?": "เปลี่ยนระเบียบเพราะอะไร",
    "The new rules were saved.": "บันทึกระเบียบใหม่แล้ว",
    "points": "พอยต์",
    "&Language": "ภาษา (&L)",
    "Changes at once; nothing needs to restart.": "เปลี่ยนทันที ไม่ต้องปิดโปรแกรม",
    "&Text size": "ขนาดตัวอักษร (&T)",
    "Bigger text is easier to read. Ctrl and + or Ctrl and - also change it anywhere.":
        "ตัวอักษรใหญ่อ่านง่ายกว่า กด Ctrl กับ + หรือ Ctrl กับ - เพื่อปรับได้จากทุกหน้า",
    "Settings": "ตั้งค่า",
    "The bank's details and rules, language and text size": "ข้อมูลและระเบียบของกลุ่ม ภาษา และขนาดตัวอักษร",
    "The bank": "ข้อมูลกลุ่ม",
    "The bank's rules": "ระเบียบของกลุ่ม",
    "Language and text size": "ภาษาและขนาดตัวอักษร",
    "Leave without saving the rules?": "ออกโดยไม่บันทึกระเบียบหรือไม่",
    "You changed some rules but did not save them.": "คุณแก้ระเบียบบางข้อไว้แต่ยังไม่ได้บันทึก",
    "Leave and forget the changes": "ออกและไม่เก็บที่แก้ไว้",
    "Stay here": "อยู่หน้านี้ต่อ",
    "As the bank calls itself, for example ธนาคารหมู่บ้านบ้านดอนแก้ว. Printed on every report.":
        "ชื่อที่กลุ่มใช้ เช่น ธนาคารหมู่บ้านบ้านดอนแก้ว พิมพ์อยู่บนรายงานทุกฉบับ",
    "The village number (หมู่ที่).": "เลขหมู่ที่ของหมู่บ้าน",
    # --- date and number fields ---------------------------------------------------------------------
    "Previous month (Page Up)": "เดือนก่อน (Page Up)",
    "Next month (Page Down)": "เดือนถัดไป (Page Down)",
    "Year (B.E.)": "ปี พ.ศ.",
    "Today": "วันนี้",
    "dd/mm/yyyy B.E.": "วว/ดด/ปปปป พ.ศ.",
    "Day/month/year in B.E., for example 15/01/2568. Up/Down: one day; Page Up/Down: one month; Alt+Down: "
    "calendar":
        "วัน/เดือน/ปี พ.ศ. เช่น 15/01/2568 ลูกศรขึ้น/ลง: ทีละวัน, Page Up/Page Down: ทีละเดือน, Alt+ลูกศรลง: เปิดปฏิทิน",
    "Choose from a calendar (Alt+Down)": "เลือกจากปฏิทิน (Alt+ลูกศรลง)",
    "must be on or after {date}": "ต้องเป็นวันที่ {date} หรือหลังจากนั้น",
    "must be on or before {date}": "ต้องเป็นวันที่ {date} หรือก่อนหน้านั้น",
    "from day": "ตั้งแต่วันที่",
    "to day": "ถึงวันที่",
    "Add a line": "เพิ่มบรรทัด",
    "Remove the chosen line": "ลบบรรทัดที่เลือก",
    "From days of membership": "เป็นสมาชิกครบ (วัน)",
    "Amount (baht)": "จำนวนเงิน (บาท)",
    "line {row}: “{value}” is not a number of days": "บรรทัดที่ {row}: “{value}” ไม่ใช่จำนวนวัน",
    "Add a partner fund": "เพิ่มกองทุน",
    "Amount": "จำนวนเงิน",
    "Paid by the bank (%)": "กลุ่มช่วยจ่าย (%)",
    "In use": "ใช้งานอยู่",
    "Fund name": "ชื่อกองทุน",
    "Collected per": "เก็บเงินทุก",
    "Collected from month": "เริ่มเก็บเดือน",
    "Collected until month": "เก็บถึงเดือน",
    "Passed on by month": "นำส่งภายในเดือน",
    "Passed on by day": "นำส่งภายในวันที่",
    "The part of each member's dues the bank pays from its welfare fund.":
        "ส่วนของเงินที่สมาชิกต้องจ่าย ซึ่งกลุ่มช่วยจ่ายจากกองทุนสวัสดิการ",
    "month": "เดือน",
    "year": "ปี",
    "{name} (not in use)": "{name} (ไม่ได้ใช้)",
    "New fund": "กองทุนใหม่",
    "check the fund “{name}”: {problem}": "กรุณาตรวจกองทุน “{name}”: {problem}",
    "no limit": "ไม่จำกัด",
    "Yes": "ใช่",
    "baht": "บาท",
    "%": "%",
    "Use Ban Pin's schedule": "ใช้อัตราของกองทุนบ้านปิน",
    "Use Wiang's schedule": "ใช้อัตราของกองทุนเวียง",
    "Ready-made schedules": "อัตราสวัสดิการสำเร็จรูป",
    "Two real village funds' schedules from the handbook; change any amount after.":
        "อัตราของกองทุนหมู่บ้านจริงสองแห่งจากคู่มือ เลือกแล้วแก้จำนวนเงินได้",
    # --- first run ----------------------------------------------------------------------------------
    "Village bank books": "บัญชีธนาคารหมู่บ้าน",
    "Welcome to the village bank books": "ยินดีต้อนรับสู่โปรแกรมบัญชีธนาคารหมู่บ้าน",
    "This program keeps the books of a village bank on this computer: members, savings, loans and the cash "
    "book. Choose how to start.":
        "โปรแกรมนี้ใช้ทำบัญชีของธนาคารหมู่บ้านในเครื่องนี้ ทั้งทะเบียนสมาชิก เงินสัจจะ เงินกู้ และบัญชีเงินสด "
        "เลือกวิธีเริ่มต้นได้เลย",
    "Try the program with the demo book": "ลองใช้โปรแกรมกับสมุดบัญชีตัวอย่าง",
    "A made-up village bank with its members, loans and meetings, to look around and practise. Nothing in it is "
    "real. (Enter)": "ธนาคารหมู่บ้านสมมติ มีสมาชิก เงินกู้ และวันทำการให้ดู ไว้ลองดูและฝึกใช้ ข้อมูลในนั้นไม่ใช่ของจริง "
                     "(กด Enter)",
    "Create my bank": "สร้างธนาคารของกลุ่มเรา",
    "Type the bank's name and village, then check its rules. Takes a few minutes.":
        "กรอกชื่อกลุ่มและหมู่บ้าน แล้วตรวจระเบียบของกลุ่ม ใช้เวลาไม่กี่นาที",
    "A book (.vbk) from this computer or a USB stick, for example one copied from another computer.":
        "สมุดบัญชี (.vbk) ที่อยู่ในเครื่องนี้หรือในแฟลชไดรฟ์ เช่น ที่คัดลอกมาจากเครื่องอื่น",
    "Create my bank — step 1 of 2: the bank": "สร้างธนาคารของกลุ่มเรา — ขั้นที่ 1 จาก 2: ข้อมูลกลุ่ม",
    "Only the name is needed; the rest is printed on reports and can be filled in later in Settings.":
        "ต้องกรอกเฉพาะชื่อกลุ่ม ข้อมูลอื่นใช้พิมพ์บนรายงาน และกรอกภายหลังในหน้าตั้งค่าได้",
    "← Back": "← ย้อนกลับ",
    "&Next: the rules →": "ถัดไป: ระเบียบของกลุ่ม (&N) →",
    "Create my bank — step 2 of 2: the rules": "สร้างธนาคารของกลุ่มเรา — ขั้นที่ 2 จาก 2: ระเบียบของกลุ่ม",
    "These are the usual rules of village banks. Change any that your bank's regulations set differently; you "
    "can change them later too.":
        "นี่คือระเบียบที่ธนาคารหมู่บ้านส่วนใหญ่ใช้ แก้ข้อที่ระเบียบของกลุ่มเรากำหนดไว้ต่างออกไป และแก้ภายหลังได้เสมอ",
    "&Create the bank": "สร้างธนาคาร (&C)",
    # --- main window --------------------------------------------------------------------------------
    "Language of the program": "ภาษาของโปรแกรม",
    "Smaller text (Ctrl and -)": "ตัวอักษรเล็กลง (Ctrl กับ -)",
    "Bigger text (Ctrl and +)": "ตัวอักษรใหญ่ขึ้น (Ctrl กับ +)",
    "This is the demo book: its members and money are made up. Try anything here; nothing is real.":
        "นี่คือสมุดบัญชีตัวอย่าง สมาชิกและเงินในนี้เป็นข้อมูลสมมติ ลองกดทำอะไรก็ได้ ไม่มีผลกับของจริง",
    "Create my own bank…": "สร้างธนาคารของกลุ่มเรา…",
    "&Book": "สมุดบัญชี (&B)",
    "&New bank…": "สร้างธนาคารใหม่ (&N)…",
    "&Open another book…": "เปิดสมุดบัญชีเล่มอื่น (&O)…",
    "Open the &demo book": "เปิดสมุดบัญชีตัวอย่าง (&D)",
    "&Quit": "ออกจากโปรแกรม (&Q)",
    "&View": "การแสดงผล (&V)",
    "&Bigger text": "ตัวอักษรใหญ่ขึ้น (&B)",
    "&Smaller text": "ตัวอักษรเล็กลง (&S)",
    "{bank} — Village bank books": "{bank} — บัญชีธนาคารหมู่บ้าน",
    "{title} (demo)": "{title} (ตัวอย่าง)",
    "Text size: {size} points": "ขนาดตัวอักษร: {size} พอยต์",
    "Saving… please wait.": "กำลังบันทึก… กรุณารอสักครู่",
}
