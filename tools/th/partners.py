TH = {
    # partner funds (collect and forward)
    "Enrolled": "การเป็นสมาชิก",
    "Enrolled since": "เป็นสมาชิกตั้งแต่",
    "Enrolled until": "เป็นสมาชิกถึง",
    "Collected": "เก็บจากสมาชิก",
    "Paid by bank": "กลุ่มจ่ายสมทบ",
    "Remitted": "นำส่งแล้ว",
    "Owed": "ค้างนำส่ง",
    "As of": "ณ วันที่",
    "Remit by": "นำส่งภายใน",
    "Days left": "เหลืออีก (วัน)",
    "overdue": "ค้างชำระ",
    "since {date}": "ตั้งแต่ {date}",
    "until {date}": "ถึง {date}",
    "Remitted to a partner fund": "นำส่งเงินให้กองทุนภาคี",
    "Partner dues paid by the bank": "กลุ่มจ่ายเงินสมทบกองทุนภาคีแทนสมาชิก",
    "Member {no} is enrolled in “{partner}” from {date}":
        "สมาชิกเลขที่ {no} เป็นสมาชิก “{partner}” ตั้งแต่ {date}",
    "Member {no} is no longer enrolled in “{partner}” from {date}":
        "สมาชิกเลขที่ {no} พ้นจากการเป็นสมาชิก “{partner}” ตั้งแต่ {date}",
    "Remitted {amount} baht (entry {seq})": "นำส่งแล้ว {amount} บาท (รายการที่ {seq})",
    "The welfare fund paid {amount} baht of dues for {count} member(s) (entry {seq})":
        "กองทุนสวัสดิการจ่ายเงินสมทบแทนสมาชิก {count} คน รวม {amount} บาท (รายการที่ {seq})",
    "{enrolled} enrolled; collected {collected}; paid by the bank {bank}; remitted {remitted}; owed to the "
    "partner {owed}":
        "เป็นสมาชิกอยู่ {enrolled} คน เก็บจากสมาชิก {collected} กลุ่มจ่ายสมทบ {bank} นำส่งแล้ว {remitted} "
        "ค้างนำส่ง {owed}",
    "a member leaves a partner fund": "สมาชิกออกจากกองทุนภาคี",
    "enrol a member in a partner fund": "สมัครสมาชิกเข้ากองทุนภาคี",
    "a partner's members: collected, paid by the bank, remitted, owed":
        "รายชื่อสมาชิกของกองทุนภาคี: เงินที่เก็บ กลุ่มจ่ายสมทบ นำส่งแล้ว และค้างนำส่ง",
    "forward the money collected for a partner": "นำส่งเงินที่เก็บไว้ให้กองทุนภาคี",
    "from this date (default: today)": "ตั้งแต่วันที่นี้ (ถ้าไม่ระบุ: วันนี้)",
    "how many days ahead (default 30)": "ดูล่วงหน้ากี่วัน (ถ้าไม่ระบุ: 30 วัน)",
    "only members whose money is still to be remitted": "เฉพาะสมาชิกที่ยังมีเงินค้างนำส่ง",
    "only this member (repeat for more)": "เฉพาะสมาชิกคนนี้ (ระบุซ้ำได้หลายคน)",
    "only this member (repeat for more; default: every enrolled member)":
        "เฉพาะสมาชิกคนนี้ (ระบุซ้ำได้หลายคน ถ้าไม่ระบุ: สมาชิกกองทุนทุกคน)",
    "partner funds the bank collects for and forwards (NSF, community welfare fund, ...)":
        "กองทุนภาคีที่กลุ่มเก็บเงินแล้วส่งต่อ (กอช. กองทุนสวัสดิการชุมชน ฯลฯ)",
    "partner key, e.g. nsf or community_welfare": "รหัสกองทุนภาคี เช่น nsf หรือ community_welfare",
    "per member (default: the bank's part under its rules)": "ต่อสมาชิกหนึ่งคน (ถ้าไม่ระบุ: ส่วนของกลุ่มตามระเบียบ)",
    "remittances due soon or overdue": "เงินที่ใกล้ถึงกำหนดนำส่งหรือเลยกำหนดแล้ว",
    "the bank pays members' dues from its welfare fund": "กลุ่มจ่ายเงินสมทบแทนสมาชิกจากกองทุนสวัสดิการ",
    "member {no} can have at most {room} baht more paid to “{partner}” for {start} – {end} (the year's dues "
    "are {dues} baht; {paid} baht is already paid); {amount} baht is too much":
        "จ่ายเข้า “{partner}” ให้สมาชิกเลขที่ {no} สำหรับช่วง {start} – {end} ได้อีกไม่เกิน {room} บาท "
        "(เงินสมทบทั้งปี {dues} บาท จ่ายแล้ว {paid} บาท) จึงจ่าย {amount} บาทไม่ได้",
    "member {no} can pay at most {room} baht more to “{partner}” for {start} – {end} (the year's dues are "
    "{dues} baht; {paid} baht is already paid); {amount} baht is too much":
        "สมาชิกเลขที่ {no} จ่ายเข้า “{partner}” สำหรับช่วง {start} – {end} ได้อีกไม่เกิน {room} บาท "
        "(เงินสมทบทั้งปี {dues} บาท จ่ายแล้ว {paid} บาท) จึงจ่าย {amount} บาทไม่ได้",
    "member {no} has no citizen ID in the register; “{partner}” needs it on the remittance list. Record it first":
        "สมาชิกเลขที่ {no} ยังไม่มีเลขประจำตัวประชาชนในทะเบียน แต่ “{partner}” ต้องใช้ในรายชื่อนำส่ง "
        "กรุณาบันทึกก่อน",
    "member {no} is already enrolled in “{partner}” (since {since})":
        "สมาชิกเลขที่ {no} เป็นสมาชิก “{partner}” อยู่แล้ว (ตั้งแต่ {since})",
    "member {no} is not enrolled in “{partner}”": "สมาชิกเลขที่ {no} ไม่ได้เป็นสมาชิก “{partner}”",
    "member {no} is not enrolled in “{partner}” on {date}; enrol the member first":
        "สมาชิกเลขที่ {no} ไม่ได้เป็นสมาชิก “{partner}” ในวันที่ {date} กรุณาสมัครให้ก่อน",
    "nothing collected for “{partner}” up to {date} is waiting to be remitted":
        "ไม่มีเงินที่เก็บไว้สำหรับ “{partner}” ถึงวันที่ {date} ที่รอนำส่ง",
    "nothing collected from member {no} for “{partner}” is waiting to be remitted":
        "ไม่มีเงินของสมาชิกเลขที่ {no} ที่เก็บไว้สำหรับ “{partner}” รอนำส่ง",
    "the bank has nothing to pay to “{partner}” on {date}: its part of the dues is {pct}% and no enrolled "
    "member has any of it left to pay":
        "กลุ่มไม่มีเงินสมทบที่ต้องจ่ายให้ “{partner}” ในวันที่ {date}: ส่วนของกลุ่มคือร้อยละ {pct} "
        "และไม่มีสมาชิกกองทุนคนใดเหลือส่วนนี้ค้างจ่าย",
    "the bank's part of the dues to “{partner}” for member {no} is {pct}% and nothing of it is left to pay "
    "for {start} – {end}; give an amount":
        "ส่วนที่กลุ่มจ่ายสมทบ “{partner}” ให้สมาชิกเลขที่ {no} คือร้อยละ {pct} และจ่ายครบแล้วสำหรับช่วง "
        "{start} – {end} หากจะจ่ายเพิ่ม กรุณาระบุจำนวนเงิน",
    "the enrolment cannot end before it began ({since})": "วันสิ้นสุดการเป็นสมาชิกต้องไม่ก่อนวันเริ่ม ({since})",
    "the partner fund “{name}” is not in use in the bank's rules": "กองทุนภาคี “{name}” ไม่ได้เปิดใช้ตามระเบียบของกลุ่ม",
    "the welfare fund holds only {held} baht; the bank cannot pay {amount} baht of dues to “{partner}” from it":
        "กองทุนสวัสดิการมีเงินเพียง {held} บาท จึงจ่ายเงินสมทบ “{partner}” {amount} บาทจากกองทุนนี้ไม่ได้",
    "{amount} baht cannot be remitted to “{partner}” for member {no}: only {owed} baht was collected and not "
    "yet remitted":
        "นำส่ง “{partner}” ของสมาชิกเลขที่ {no} จำนวน {amount} บาทไม่ได้ เพราะมีเงินที่เก็บไว้และยังไม่ได้นำส่ง"
        "เพียง {owed} บาท",
    # seven-risk coverage
    "Sickness": "การเจ็บป่วย",
    "Death": "การเสียชีวิต",
    "Old age": "ชราภาพ",
    "Childbirth": "การคลอดบุตร",
    "Disability": "ทุพพลภาพ",
    "Child support": "การสงเคราะห์บุตร",
    "Unemployment": "การว่างงาน",
    "State": "รัฐ",
    "Community": "ท้องถิ่นและชุมชน",
    "Financial institutions": "สถาบันการเงิน",
    "Universal health coverage": "หลักประกันสุขภาพถ้วนหน้า",
    "Social security, section 33": "ประกันสังคม มาตรา 33",
    "Social security, section 39": "ประกันสังคม มาตรา 39",
    "Social security, section 40": "ประกันสังคม มาตรา 40",
    "National Savings Fund (NSF)": "กองทุนการออมแห่งชาติ (กอช.)",
    "Old-age allowance": "เบี้ยยังชีพผู้สูงอายุ",
    "Disability allowance": "เบี้ยยังชีพคนพิการ",
    "Child support grant": "เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด",
    "The bank's welfare fund": "กองทุนสวัสดิการของกลุ่ม",
    "Community welfare fund": "กองทุนสวัสดิการชุมชน",
    "Funeral aid society": "ฌาปนกิจสงเคราะห์",
    "BAAC Taweerak deposit": "เงินฝากทวีรัก ธ.ก.ส.",
    "GSB family welfare deposit": "เงินฝากสงเคราะห์ชีวิตครอบครัว ธนาคารออมสิน",
    "Members with a risk not covered": "สมาชิกที่ยังไม่มีหลักประกันบางด้าน",
    "Members with a risk covered twice": "สมาชิกที่มีหลักประกันซ้ำซ้อน",
    "Aged 60 or more, old-age allowance not recorded": "อายุ 60 ปีขึ้นไป ยังไม่ได้บันทึกว่าได้รับเบี้ยยังชีพผู้สูงอายุ",
    "No birth date in the register": "ไม่มีวันเกิดในทะเบียน",
    "In the welfare fund's waiting period": "อยู่ระหว่างรอสิทธิกองทุนสวัสดิการ",
    "Partner dues unpaid after the collection months": "ค้างเงินสมทบกองทุนภาคีหลังหมดช่วงเก็บเงิน",
    "aged {age}: entitled to the old-age allowance of {amount} baht a month, but not recorded as receiving it":
        "อายุ {age} ปี มีสิทธิได้รับเบี้ยยังชีพผู้สูงอายุเดือนละ {amount} บาท แต่ยังไม่ได้บันทึกว่าได้รับ",
    "enrolled in “{partner}” but {amount} baht of this year's dues is unpaid (collection ended {date})":
        "เป็นสมาชิก “{partner}” แต่ยังค้างเงินสมทบปีนี้ {amount} บาท (หมดช่วงเก็บเงินเมื่อ {date})",
    "no birth date in the register: the old-age allowance cannot be checked":
        "ไม่มีวันเกิดในทะเบียน จึงตรวจสิทธิเบี้ยยังชีพผู้สูงอายุไม่ได้",
    "not covered against {risk}": "ยังไม่มีหลักประกันด้าน{risk}",
    "the bank's welfare fund covers {risks} only from {date} (the waiting period after joining)":
        "กองทุนสวัสดิการของกลุ่มคุ้มครองด้าน{risks} ตั้งแต่วันที่ {date} เท่านั้น (ระยะรอสิทธิหลังสมัคร)",
    "{risk} is covered more than once by {group} schemes: {schemes}":
        "ด้าน{risk}มีหลักประกันซ้ำซ้อนจากภาค{group}: {schemes}",
    "member {no} is already recorded in “{scheme}” (since {since})":
        "บันทึกไว้แล้วว่าสมาชิกเลขที่ {no} อยู่ใน “{scheme}” (ตั้งแต่ {since})",
    "member {no} is not recorded in “{scheme}”": "ไม่มีบันทึกว่าสมาชิกเลขที่ {no} อยู่ใน “{scheme}”",
    "the scheme cannot end before it began ({since})": "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม ({since})",
    "there is no welfare scheme “{key}” (one of: {allowed})": "ไม่มีสวัสดิการ “{key}” (เลือกได้จาก: {allowed})",
    "Member {no} is recorded in “{scheme}” from {date}": "บันทึกแล้ว: สมาชิกเลขที่ {no} อยู่ใน “{scheme}” ตั้งแต่ {date}",
    "Member {no} is no longer in “{scheme}” from {date}": "บันทึกแล้ว: สมาชิกเลขที่ {no} ออกจาก “{scheme}” ตั้งแต่ {date}",
    "Member {no} {name}": "สมาชิกเลขที่ {no} {name}",
    "{count} member(s) as of {date}": "สมาชิก {count} คน ณ วันที่ {date}",
    "Age": "อายุ",
    "Risk": "หลักประกันด้าน",
    "Scheme": "สวัสดิการ",
    "Since": "ตั้งแต่",
    "Until": "ถึง",
    "Covered": "มีหลักประกัน",
    "Missing": "ยังไม่มี",
    "Duplicated": "ซ้ำซ้อน",
    "members' state and other welfare schemes (old-age allowance, section 40, ...)":
        "สวัสดิการของรัฐและอื่น ๆ ที่สมาชิกได้รับ (เบี้ยยังชีพผู้สูงอายุ ประกันสังคมมาตรา 40 ฯลฯ)",
    "record that a member is in a scheme": "บันทึกว่าสมาชิกได้รับสวัสดิการ",
    "record that a member left a scheme": "บันทึกว่าสมาชิกพ้นจากสวัสดิการ",
    "the schemes recorded": "สวัสดิการที่บันทึกไว้",
    "the seven risks: who is covered, by which schemes, what is missing":
        "หลักประกันทางสังคม 7 ด้าน: ใครได้รับความคุ้มครอง จากสวัสดิการใด และยังขาดด้านใด",
    "one member (default: the table for the whole group)": "สมาชิกคนเดียว (ถ้าไม่ระบุ: ตารางของทั้งกลุ่ม)",
}
