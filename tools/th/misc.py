TH = {
    "Monthly interest rounded to the nearest": "ปัดดอกเบี้ยรายเดือนเป็นหน่วยละ",
}
