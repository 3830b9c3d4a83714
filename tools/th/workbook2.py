TH = {
    # export: the note sheet
    "Allocation and member payouts are the year-end close of every closed year, as the app computed it. An import "
    "closes those years again and refuses a row that differs from what it computes.":
        "การจัดสรรกำไรและเงินปันผล/เฉลี่ยคืนรายสมาชิก คือผลการปิดบัญชีประจำปีของทุกปีที่ปิดแล้ว ตามที่โปรแกรมคำนวณ "
        "เมื่อนำเข้าไฟล์นี้ โปรแกรมจะปิดบัญชีปีเหล่านั้นอีกครั้ง และไม่รับแถวที่ไม่ตรงกับที่คำนวณได้",
    "Besides version 1 this file uses its addendum: cash categories fund:<fund> (money received into a fund) and "
    "payout:<member number> (a year-end payout paid), and the column override_reason of the welfare claims.":
        "นอกจากรูปแบบรุ่นที่ 1 ไฟล์นี้ใช้ส่วนเพิ่มเติมของรุ่นที่ 1 ด้วย ได้แก่ หมวดบัญชีเงินสด fund:<กองทุน> "
        "(เงินรับเข้ากองทุน) และ payout:<เลขที่สมาชิก> (จ่ายเงินปันผลและเฉลี่ยคืน) และคอลัมน์ override_reason "
        "ในแผ่นงานสวัสดิการ",
    # the CLI
    "Fiscal years closed: {years}": "ปิดบัญชีประจำปี: {years}",
    # import: the cash count, payouts, categories
    "cash count difference (recorded by a workbook import)": "เงินสดขาด/เกินจากการตรวจนับ (บันทึกจากการนำเข้าไฟล์)",
    "member {no} is owed {owed} baht on {date} (year-end payouts, and the shares of a former member): a payout "
    "pays all of it":
        "วันที่ {date} กลุ่มค้างจ่ายสมาชิกเลขที่ {no} {owed} บาท (เงินปันผลและเฉลี่ยคืน "
        "และเงินสัจจะของผู้พ้นสภาพ) การจ่ายต้องจ่ายทั้งหมดในครั้งเดียว",
    "nothing is owed to member {no} on {date}: there is no year-end payout to pay":
        "วันที่ {date} กลุ่มไม่ได้ค้างจ่ายอะไรสมาชิกเลขที่ {no} จึงไม่มีเงินปันผลหรือเฉลี่ยคืนให้จ่าย",
    "“{category}” is not a category: use expense:<name>, income:<name>, bank_deposit, bank_withdrawal, "
    "opening_cash, opening_bank, fund:welfare, fund:development, fund:reserve or payout:<member number>":
        "“{category}” ไม่ใช่หมวดบัญชี ให้ใช้ expense:<ชื่อ>, income:<ชื่อ>, bank_deposit, bank_withdrawal, "
        "opening_cash, opening_bank, fund:welfare, fund:development, fund:reserve หรือ payout:<เลขที่สมาชิก>",
    "“{category}” names no member: write payout:<member number>, for example payout:12":
        "“{category}” ไม่ได้ระบุสมาชิก ให้เขียน payout:<เลขที่สมาชิก> เช่น payout:12",
    # import: the year end
    "member {no} is already on row {row} for this year": "สมาชิกเลขที่ {no} มีอยู่แล้วในแถวที่ {row} ของปีนี้",
    "payouts are credited to shares by the year-end close, dated the last day of the fiscal year ({end})":
        "เงินปันผลเข้าหุ้นบันทึกโดยการปิดบัญชีประจำปี ลงวันที่วันสุดท้ายของปีบัญชี ({end})",
    "the year {year} is already on row {row}": "ปี {year} มีอยู่แล้วในแถวที่ {row}",
    "the year-end close of {year} computes {amount} baht here, not {value}":
        "การปิดบัญชีปี {year} คำนวณช่องนี้ได้ {amount} บาท ไม่ใช่ {value}",
    "the year-end close of {year} credits no payout to the shares of member {no}":
        "การปิดบัญชีปี {year} ไม่ได้โอนเงินปันผลเข้าหุ้นของสมาชิกเลขที่ {no}",
    "the year-end close of {year} credits {amount} baht to the shares of member {no}":
        "การปิดบัญชีปี {year} โอนเงินปันผลเข้าหุ้นของสมาชิกเลขที่ {no} {amount} บาท",
    "the year-end close of {year} credits {amount} baht to the shares of member {no}; the share_txns sheet has no "
    "dividend_to_shares row for it":
        "การปิดบัญชีปี {year} โอนเงินปันผลเข้าหุ้นของสมาชิกเลขที่ {no} {amount} บาท แต่แผ่นงานเงินฝากสัจจะ "
        "(share_txns) ไม่มีแถวประเภท dividend_to_shares ของรายการนี้",
    "the year-end close of {year} pays member {no} nothing":
        "การปิดบัญชีปี {year} ไม่มีเงินปันผลหรือเฉลี่ยคืนให้สมาชิกเลขที่ {no}",
    "the year-end close of {year} pays member {no} {amount} baht; the member payouts sheet has no row for it":
        "การปิดบัญชีปี {year} จ่ายเงินปันผลและเฉลี่ยคืนให้สมาชิกเลขที่ {no} {amount} บาท "
        "แต่แผ่นงานเงินปันผลและเฉลี่ยคืนไม่มีแถวของสมาชิกคนนี้",
    "this workbook does not close the year {year}: the allocation sheet has no row for it":
        "ไฟล์นี้ไม่ได้ปิดบัญชีปี {year} เพราะแผ่นงานจัดสรรกำไรไม่มีแถวของปีนั้น",
}
