TH = {
    "the chart of accounts: bank accounts, income and expense categories": "ผังบัญชี: บัญชีธนาคาร หมวดรายได้และหมวดค่าใช้จ่าย",
    "add a bank account (bank:KEY) or a category (income:KEY, expense:KEY)": "เพิ่มบัญชีธนาคาร (bank:รหัส) หรือหมวด (income:รหัส, expense:รหัส)",
    "every account and its balance": "ทุกบัญชีพร้อมยอดคงเหลือ",
    "Account {code} added": "เพิ่มบัญชี {code} แล้ว",
    "Code": "รหัส",
    "Account": "บัญชี",
}
