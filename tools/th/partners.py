"""Thai for partner funds and seven-risk coverage (filled in by tools/po_fill.py)."""

TH = {
    'Enrolled since': 'เป็นสมาชิกตั้งแต่',
    'Enrolled until': 'เป็นสมาชิกถึง',
    'Partner dues paid by the bank': 'กลุ่มจ่ายเงินสมทบกองทุนภาคีแทนสมาชิก',
    'Remitted to a partner fund': 'นำส่งเงินให้กองทุนภาคี',
    "member {no} can have at most {room} baht more paid to “{partner}” for {start} – {end} (the year's dues are {dues} baht; {paid} baht is already paid); {amount} baht is too much": 'จ่ายเข้า “{partner}” ให้สมาชิกเลขที่ {no} สำหรับช่วง {start} – {end} ได้อีกไม่เกิน {room} บาท (เงินสมทบทั้งปี {dues} บาท จ่ายแล้ว {paid} บาท) จึงจ่าย {amount} บาทไม่ได้',
    "member {no} can pay at most {room} baht more to “{partner}” for {start} – {end} (the year's dues are {dues} baht; {paid} baht is already paid); {amount} baht is too much": 'สมาชิกเลขที่ {no} จ่ายเข้า “{partner}” สำหรับช่วง {start} – {end} ได้อีกไม่เกิน {room} บาท (เงินสมทบทั้งปี {dues} บาท จ่ายแล้ว {paid} บาท) จึงจ่าย {amount} บาทไม่ได้',
    'member {no} has no citizen ID in the register; “{partner}” needs it on the remittance list. Record it first': 'สมาชิกเลขที่ {no} ยังไม่มีเลขประจำตัวประชาชนในทะเบียน แต่ “{partner}” ต้องใช้ในรายชื่อนำส่ง กรุณาบันทึกก่อน',
    'member {no} is already enrolled in “{partner}” (since {since})': 'สมาชิกเลขที่ {no} เป็นสมาชิก “{partner}” อยู่แล้ว (ตั้งแต่ {since})',
    'member {no} is not enrolled in “{partner}”': 'สมาชิกเลขที่ {no} ไม่ได้เป็นสมาชิก “{partner}”',
    'member {no} is not enrolled in “{partner}” on {date}; enrol the member first': 'สมาชิกเลขที่ {no} ไม่ได้เป็นสมาชิก “{partner}” ในวันที่ {date} กรุณาสมัครให้ก่อน',
    'nothing collected for “{partner}” up to {date} is waiting to be remitted': 'ไม่มีเงินที่เก็บไว้สำหรับ “{partner}” ถึงวันที่ {date} ที่รอนำส่ง',
    'nothing collected from member {no} for “{partner}” is waiting to be remitted': 'ไม่มีเงินของสมาชิกเลขที่ {no} ที่เก็บไว้สำหรับ “{partner}” รอนำส่ง',
    'the bank has nothing to pay to “{partner}” on {date}: its part of the dues is {pct}% and no enrolled member has any of it left to pay': 'กลุ่มไม่มีเงินสมทบที่ต้องจ่ายให้ “{partner}” ในวันที่ {date}: ส่วนของกลุ่มคือร้อยละ {pct} และไม่มีสมาชิกกองทุนคนใดเหลือส่วนนี้ค้างจ่าย',
    "the bank's part of the dues to “{partner}” for member {no} is {pct}% and nothing of it is left to pay for {start} – {end}; give an amount": 'ส่วนที่กลุ่มจ่ายสมทบ “{partner}” ให้สมาชิกเลขที่ {no} คือร้อยละ {pct} และจ่ายครบแล้วสำหรับช่วง {start} – {end} หากจะจ่ายเพิ่ม กรุณาระบุจำนวนเงิน',
    'the enrolment cannot end before it began ({since})': 'วันสิ้นสุดการเป็นสมาชิกต้องไม่ก่อนวันเริ่ม ({since})',
    "the partner fund “{name}” is not in use in the bank's rules": 'กองทุนภาคี “{name}” ไม่ได้เปิดใช้ตามระเบียบของกลุ่ม',
    'the welfare fund holds only {held} baht; the bank cannot pay {amount} baht of dues to “{partner}” from it': 'กองทุนสวัสดิการมีเงินเพียง {held} บาท จึงจ่ายเงินสมทบ “{partner}” {amount} บาทจากกองทุนนี้ไม่ได้',
    '{amount} baht cannot be remitted to “{partner}” for member {no}: only {owed} baht was collected and not yet remitted': 'นำส่ง “{partner}” ของสมาชิกเลขที่ {no} จำนวน {amount} บาทไม่ได้ เพราะมีเงินที่เก็บไว้และยังไม่ได้นำส่งเพียง {owed} บาท',
}
