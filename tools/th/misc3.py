TH = {
    "“{key}” is listed twice in one payment": "“{key}” ถูกระบุซ้ำสองครั้งในการชำระครั้งเดียว",
    "each partner needs its own key (letters, digits and _)": "กองทุนแต่ละแห่งต้องมีรหัสไม่ซ้ำกัน (ตัวอักษร ตัวเลข และ _)",
    "Loan principal repaid": "รับชำระเงินต้น",
    "Other fees": "ค่าธรรมเนียมอื่น",
    "Loans paid out": "จ่ายเงินกู้",
    "Expenses": "ค่าใช้จ่าย",
    "Cash received": "รับเงินสด",
    "Cash paid": "จ่ายเงินสด",
}
