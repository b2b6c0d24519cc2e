"""Vietnamese family names, shared by the people extractor and the place-mention finder.

Hand-written: no package lists Vietnamese family names; these are the ones news uses (Kinh and
the minorities' most frequent ones). A province name right after one of them is part of a
person's name ("Phó Thủ tướng Trương Hòa Bình"), not the province.
"""

from __future__ import annotations

SURNAMES = set(
    """
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Trịnh Mai
    Lâm Cao Hà Tạ Lương Trương Chu Tô Thái Vương Đoàn Lưu Triệu Kiều Quách Thân Nông Lò Giang
    Tăng Mạc Phùng Khổng Âu Từ Hứa La Lã Lại Nghiêm Quan Tôn Văn Khúc Kim Doãn Diệp Hầu
    Khương Tất Điêu Lường Quàng Hoàng Lò Bùi Nông Hà Thái Cát Âu Lộ Mã Mạch Lăng Chúc Tiết
    Ngũ Thi Bồ Cung Phương Liêu Khoa Chương Hồ Mẫn Lều Lô Dư Vương Đàm Khâu Giảng Thạch
    Ninh Mẫn Ung Châu Bạch Đàm Đồng Lục Hàn Quang Thạch Tống Y Ksor Rơ Siu Hoa Tiêu Viên Vi
    Sầm Giáp Cù Bế Lầu Sùng Mùa Thào Vàng Chế Phó Công Tòng Điểu Danh Sơn Lạc Trình Trà Bàn
    Nhữ Đường Biện Yên Phí Cầm Lữ Ma Đậu Thiều Mông Lư Khuất Hán Đới Kha Hồng Giản Uông Ôn
    Bành Đổng Lỗ Vòng Ngọ
    """.split()
)

# The family names that are never a place's first word: a province name right after one of them
# is a person's given name ("Trương Hòa Bình", "Nguyễn Thái Bình", "Lê Thanh Hóa").
COMMON_SURNAMES = frozenset(
    """
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Đinh Đào Trịnh Lương
    Trương Tô Vương Đoàn Lưu Tạ Kiều Quách Phùng Mạc Nghiêm Tống Doãn Khổng
    """.split()
)
