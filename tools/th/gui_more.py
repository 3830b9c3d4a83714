TH = {
    "Add a kind of savings": "เพิ่มประเภทเงินออม",
    "Members may withdraw at any time": "สมาชิกถอนได้ทุกเมื่อ",
    "Withdrawals": "การถอน",
    "When withdrawals are not free, the money may only be taken out for this purpose or when the member leaves.": "ถ้าไม่ให้ถอนได้ทุกเมื่อ จะถอนได้เฉพาะเพื่อวัตถุประสงค์นี้ หรือเมื่อสมาชิกลาออก",
    "New kind of savings": "เงินออมประเภทใหม่",
    "Each month's interest is rounded to the nearest multiple of this amount (1.00 = whole baht), so that it can be paid in cash.": "ดอกเบี้ยแต่ละเดือนปัดเป็นทวีคูณที่ใกล้ที่สุดของจำนวนนี้ (1.00 = บาทเต็ม) เพื่อให้ชำระเป็นเงินสดได้",
    "Kinds of savings members may keep besides their shares, such as voluntary savings or a special saving to repay a Village Fund debt. Each has its own balance per member.": "ประเภทเงินออมที่สมาชิกฝากได้นอกจากเงินสัจจะ เช่น เงินฝากออมทรัพย์ หรือเงินออมพิเศษเพื่อชำระหนี้กองทุนหมู่บ้าน แต่ละประเภทมียอดของสมาชิกแต่ละคนแยกกัน",
}
