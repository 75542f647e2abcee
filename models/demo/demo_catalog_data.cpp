// What the demo shop sells: real Korean brands, gift items and their usual prices
// (won, early 2026). Weights are rough popularity: iced americano sells far more
// than a 270,000 won cream. Pure data; demo_catalog.cpp makes records of it.
#include "demo/demo_catalog.h"

namespace reconsole::demo {
namespace {

constexpr const char* kTgv = "T|G+500|V+1000";   // Starbucks Tall / Grande / Venti
constexpr const char* kRl = "R|L+500";
constexpr const char* kMl = "M|L+7000";           // pizza sizes

// Department stores and marts sell stored-value gift certificates (상품권) only.
constexpr ItemDef kDeptVouchers[] = {
    voucher("모바일상품권 1만원권", 10000, 3),
    voucher("모바일상품권 3만원권", 30000, 4),
    voucher("모바일상품권 5만원권", 50000, 6),
    voucher("모바일상품권 10만원권", 100000, 4),
};
constexpr ItemDef kShinsegae[] = {
    voucher("모바일상품권 1만원권", 10000, 3),
    voucher("모바일상품권 3만원권", 30000, 4),
    voucher("모바일상품권 5만원권", 50000, 6),
    voucher("모바일상품권 10만원권", 100000, 4).with(Flaw::DiscountOverMax),
};
constexpr ItemDef kHyundai[] = {
    voucher("모바일상품권 1만원권", 10000, 3),
    voucher("모바일상품권 3만원권", 30000, 4).with(Flaw::VoucherEligible),
    voucher("모바일상품권 5만원권", 50000, 6),
    voucher("모바일상품권 10만원권", 100000, 4),
};
constexpr ItemDef kEmart[] = {
    voucher("모바일상품권 1만원권", 10000, 3),
    voucher("모바일상품권 3만원권", 30000, 3),
    voucher("모바일상품권 5만원권", 50000, 3),
    voucher("모바일상품권 10만원권", 100000, 2),
    goods("한우 1+등급 불고기 선물세트 1kg", 89000, 1),
    goods("제주 한라봉 선물세트 3kg", 45000, 1),
    goods("샤인머스캣 2송이 선물세트", 39000, 1),
};
constexpr ItemDef kHomeplus[] = {
    voucher("모바일상품권 1만원권", 10000, 2),
    voucher("모바일상품권 5만원권", 50000, 2),
};

constexpr ItemDef kStarbucks[] = {
    goods("카페 아메리카노", 4700, 60, kTgv).iced(),
    goods("카페 라떼", 5200, 30, kTgv).iced(),
    goods("바닐라 크림 콜드 브루", 5900, 14, kTgv),
    goods("자몽 허니 블랙 티", 5900, 12, kTgv).iced(),
    goods("돌체 라떼", 6100, 12, kTgv).iced(),
    goods("카라멜 마키아또", 6100, 12, kTgv).iced(),
    goods("자바 칩 프라푸치노", 6600, 10, kTgv),
    goods("슈크림 라떼", 6300, 6, kTgv).iced(),
    goods("블론드 바닐라 더블 샷 마키아또", 6300, 5, kTgv).iced(),
    goods("카페 아메리카노 T 2잔", 9400, 16),
    goods("카페 아메리카노 T 2잔 + 부드러운 생크림 카스텔라", 13900, 20).with(Flaw::PriceExtraZeroFixed),
    goods("카페 라떼 T + 클래식 스콘", 9300, 8),
    goods("딸기 생크림 케이크", 39000, 4),
    voucher("e카드 3만원 교환권", 30000, 10),
    voucher("e카드 5만원 교환권", 50000, 6),
};
constexpr ItemDef kTwosome[] = {
    goods("아메리카노", 4700, 18, kRl).iced(),
    goods("카페 라떼", 5200, 10, kRl).iced(),
    goods("스트로베리 라떼", 6300, 4, kRl),
    goods("떠먹는 스트로베리 초콜릿 생크림", 7500, 10),
    goods("아이스박스 (조각)", 6900, 6),
    goods("스트로베리 초콜릿 생크림 1호", 36000, 8),
    goods("스트로베리 레어 치즈 1호", 35000, 3),
    goods("아메리카노 R 2잔 + 아이스박스", 15900, 12),
    voucher("모바일 금액권 3만원", 30000, 4),
};
constexpr ItemDef kEdiya[] = {
    goods("아메리카노", 3200, 14, "R|EX+1000").iced(),
    goods("카페라떼", 3700, 8, "R|EX+1000").iced(),
    goods("토피넛 라떼", 4300, 6, "R|EX+500").iced(),
    goods("복숭아 아이스티", 3500, 5),
    goods("아메리카노 2잔 + 허니브레드", 11400, 6),
    voucher("모바일 금액권 1만원", 10000, 3),
};
constexpr ItemDef kMega[] = {
    goods("아메리카노", 1500, 10).iced(),
    goods("카페라떼", 2900, 10).iced(),
    goods("메가리카노", 3000, 8),
    goods("딸기라떼", 3700, 5),
    goods("퐁크러쉬", 3900, 5),
    goods("바닐라라떼", 3400, 4).iced(),
    goods("망고 요거트 스무디", 3900, 3),
    goods("아메리카노 2잔 + 허니브레드", 7900, 4),
    voucher("모바일 금액권 1만원", 10000, 3),
};
constexpr ItemDef kPaik[] = {
    goods("아메리카노", 1700, 10).iced(),
    goods("원조커피", 3000, 6),
    goods("빽's 라떼", 3300, 5),
    goods("완전초코", 3500, 4),
    goods("사라다빵", 3000, 4),
};
constexpr ItemDef kCompose[] = {
    goods("아메리카노", 1500, 8).iced(),
    goods("카페라떼", 2900, 5),
    goods("바닐라라떼", 3300, 4),
    goods("돌체라떼", 3500, 3),
    goods("복숭아 아이스티", 2500, 3),
};
constexpr ItemDef kHollys[] = {
    goods("아메리카노", 4500, 8, kRl).iced(),
    goods("바닐라 딜라이트", 5300, 5, kRl).iced(),
    goods("할리치노", 5800, 3),
    voucher("모바일 금액권 2만원", 20000, 2),
};
constexpr ItemDef kPascucci[] = {
    goods("아메리카노", 4500, 5, kRl).iced(),
    goods("카페라떼", 5000, 3, kRl),
    goods("티라미수", 6500, 2),
};
constexpr ItemDef kGongcha[] = {
    goods("블랙 밀크티 + 펄 L", 4900, 8),
    goods("타로 밀크티 + 펄 L", 5200, 5),
    goods("딸기 쥬얼리 밀크티 L", 5900, 3),
};
constexpr ItemDef kPaulBassett[] = {
    goods("룽고", 5300, 4).iced(),
    goods("바닐라 빈 라떼", 6800, 3),
    goods("상하목장 밀크 아이스크림", 4700, 3),
};

constexpr ItemDef kGs25[] = {
    voucher("모바일상품권 5천원권", 5000, 10),
    voucher("모바일상품권 1만원권", 10000, 12),
    voucher("모바일상품권 3만원권", 30000, 4),
    goods("빙그레 바나나맛우유 240ml", 1700, 8),
    goods("코카콜라 500ml", 2300, 6),
    goods("허니버터칩 60g", 1700, 3),
    goods("혜자로운 집밥 제육볶음 도시락", 5500, 4),
    goods("제주 삼다수 2L", 1300, 3),
    goods("빙그레 메로나", 1400, 3),
    goods("CAFE25 아메리카노 L", 1200, 3),
};
constexpr ItemDef kCu[] = {
    voucher("모바일상품권 5천원권", 5000, 8),
    voucher("모바일상품권 1만원권", 10000, 10),
    voucher("모바일상품권 3만원권", 30000, 3),
    goods("연세우유 생크림빵", 3600, 5),
    goods("빙그레 바나나맛우유 240ml", 1700, 6),
    goods("get 아이스 아메리카노 L", 1500, 5),
    goods("백종원 한판 도시락", 5500, 3),
    goods("비요뜨 초코링", 1800, 3),
    goods("참치마요 삼각김밥", 1300, 3),
};
constexpr ItemDef kSeven[] = {
    voucher("모바일상품권 5천원권", 5000, 4),
    voucher("모바일상품권 1만원권", 10000, 4),
    goods("롯데 빼빼로 오리지널", 2000, 4),
    goods("코카콜라 500ml", 2300, 3),
    goods("세븐카페 아메리카노 L", 1500, 3),
};
constexpr ItemDef kEmart24[] = {
    voucher("모바일상품권 5천원권", 5000, 3),
    voucher("모바일상품권 1만원권", 10000, 3),
    goods("빙그레 바나나맛우유 240ml", 1700, 3),
    goods("이프레소 아메리카노 L", 1300, 2),
};

constexpr ItemDef kOliveYoung[] = {
    voucher("기프트카드 1만원권", 10000, 8),
    voucher("기프트카드 3만원권", 30000, 6),
    voucher("기프트카드 5만원권", 50000, 4),
    goods("라운드랩 1025 독도 토너 200ml", 15000, 4),
    goods("토리든 다이브인 세럼 50ml", 22000, 3),
    goods("클리오 킬커버 쿠션 본품+리필", 36000, 2),
    goods("바이오더마 센시비오 H2O 500ml", 29000, 2),
    goods("롬앤 쥬시 래스팅 틴트", 13000, 4),
    goods("메디힐 마스크팩 10매", 10000, 3),
    goods("아누아 어성초 77 토너 250ml", 28000, 3),
    goods("닥터지 레드 블레미쉬 수딩 크림 70ml", 33000, 2),
};
constexpr ItemDef kInnisfree[] = {
    goods("그린티 씨드 히알루론산 세럼 80ml", 32000, 3),
    goods("노세범 미네랄 파우더", 9000, 3),
    goods("레티놀 시카 흔적 앰플 30ml", 33000, 2),
    voucher("모바일 금액권 3만원", 30000, 1),
};
constexpr ItemDef kSulwhasoo[] = {
    goods("윤조에센스 90ml", 150000, 2),
    goods("자음생크림 50ml", 270000, 1),
    goods("자음 2종 세트", 115000, 1),
    goods("순행 클렌징 폼 200ml", 38000, 1),
};
constexpr ItemDef kLush[] = {
    goods("인터갈락틱 배쓰 밤", 11000, 2),
    goods("더티 보디 스프레이 200ml", 55000, 1),
};

constexpr ItemDef kBaskin[] = {
    goods("싱글레귤러", 3900, 10),
    goods("더블주니어", 5900, 6),
    goods("파인트", 9800, 12),
    goods("쿼터", 18500, 10),
    goods("패밀리", 26000, 6),
    goods("하프갤론", 31500, 3),
    goods("아이스크림 케이크 우주에서 온 엄마", 29000, 3),
    voucher("모바일 금액권 1만원", 10000, 3),
    voucher("모바일 금액권 3만원", 30000, 2),
};
constexpr ItemDef kBbq[] = {
    goods("황금올리브치킨", 23000, 12),
    goods("황금올리브치킨 + 콜라 1.25L", 25500, 10),
    goods("황금올리브 반반 (양념)", 24500, 5),
    goods("자메이카 통다리구이", 24500, 4),
    goods("황금올리브 닭다리", 25000, 3),
};
constexpr ItemDef kKyochon[] = {
    goods("교촌오리지날", 19000, 8),
    goods("허니콤보", 23000, 12),
    goods("레드콤보", 23000, 8),
    goods("허니콤보 + 콜라 1.25L", 26000, 10).with(Flaw::PriceZeroMissingFixed),
    goods("반반콤보", 24000, 4),
};
constexpr ItemDef kBhc[] = {
    goods("뿌링클", 21000, 12),
    goods("뿌링클 + 콜라 1.25L", 23500, 8),
    goods("맛초킹", 21000, 5),
    goods("골드킹", 21000, 4),
    goods("후라이드", 17000, 3),
};
constexpr ItemDef kGoobne[] = {
    goods("고추바사삭", 20000, 6),
    goods("고추바사삭 + 콜라 1.25L", 22500, 4),
    goods("오리지널", 17000, 2),
};
constexpr ItemDef kDomino[] = {
    goods("포테이토", 22900, 6, kMl),
    goods("페퍼로니", 19900, 5, kMl),
    goods("블랙타이거 슈림프", 29900, 4, kMl),
    goods("슈퍼디럭스", 24900, 3, kMl),
    coupon("방문포장 40% 할인쿠폰", 1000, 3),
};
constexpr ItemDef kOutback[] = {
    voucher("모바일 금액권 5만원", 50000, 3),
    voucher("모바일 금액권 10만원", 100000, 1),
    goods("투움바 파스타", 30900, 2),
    goods("블랙라벨 셔로인 스테이크 250g", 56900, 1),
};
constexpr ItemDef kMcdonalds[] = {
    goods("빅맥 세트", 7400, 10),
    goods("맥스파이시 상하이버거 세트", 7400, 6),
    goods("1955 버거 세트", 8500, 4),
    goods("맥너겟 6조각", 4500, 3),
    goods("맥플러리 오레오", 3600, 3),
};
constexpr ItemDef kBurgerKing[] = {
    goods("와퍼 세트", 9100, 8),
    goods("콰트로치즈와퍼 세트", 9800, 4),
    goods("치킨킹 세트", 8900, 2),
};
constexpr ItemDef kSubway[] = {
    goods("이탈리안 비엠티 15cm 세트", 9700, 4),
    goods("에그마요 15cm 세트", 8200, 4),
    goods("로스트 치킨 30cm", 13900, 2),
};
constexpr ItemDef kDunkin[] = {
    goods("오리지널 글레이즈드", 1700, 3),
    goods("도넛 6개 팩", 10800, 5),
    goods("아메리카노 + 도넛 2개", 7900, 4),
};
constexpr ItemDef kBonjuk[] = {
    goods("전복죽", 15000, 4),
    goods("쇠고기야채죽", 11000, 3),
    goods("전복죽 + 장조림 세트", 18000, 1),
};
constexpr ItemDef kVips[] = {
    voucher("모바일 금액권 5만원", 50000, 1),
    goods("평일 런치 샐러드바 1인", 39900, 2),
    goods("주말 디너 샐러드바 1인", 45900, 2),
};

constexpr ItemDef kParis[] = {
    goods("순수우유 생크림 케이크", 26000, 6),
    goods("블루베리 요거 생크림 케이크", 31000, 3),
    goods("딸기 듬뿍 생크림 케이크", 33000, 5).with(Flaw::PriceZeroMissing),
    goods("쫀득 치즈 베이글", 3200, 3),
    goods("초코 생크림 케이크", 28000, 2),
    goods("아메리카노 + 소시지빵 세트", 7300, 4),
    voucher("모바일 금액권 1만원", 10000, 3),
    voucher("모바일 금액권 3만원", 30000, 2),
};
constexpr ItemDef kTousles[] = {
    goods("생크림 케이크 1호", 25000, 4),
    goods("초코 생크림 케이크", 28000, 3),
    goods("고구마 케이크", 29000, 2),
    voucher("모바일 금액권 1만원", 10000, 2),
};
constexpr ItemDef kSulbing[] = {
    goods("인절미설빙", 9900, 6),
    goods("망고치즈설빙", 13900, 3),
    goods("애플망고치즈설빙", 15900, 3),
};

constexpr ItemDef kHimart[] = {
    voucher("모바일상품권 5만원권", 50000, 1),
    voucher("모바일상품권 10만원권", 100000, 1),
};
constexpr ItemDef kSamsung[] = {
    goods("갤럭시 버즈3", 219000, 1),
    goods("갤럭시 버즈3 프로", 299000, 1),
    goods("갤럭시 워치7 40mm", 329000, 1),
    goods("25W 초고속 충전기", 19000, 2),
};
constexpr ItemDef kLg[] = {
    goods("퓨리케어 미니 공기청정기", 199000, 1),
    goods("톤프리 무선이어폰", 159000, 1),
};

constexpr ItemDef kKyobo[] = {
    voucher("기프트카드 1만원권", 10000, 3),
    voucher("기프트카드 3만원권", 30000, 2),
    voucher("기프트카드 5만원권", 50000, 1),
};
constexpr ItemDef kYes24[] = {
    voucher("상품권 1만원권", 10000, 2),
    voucher("상품권 3만원권", 30000, 1),
};

constexpr ItemDef kCgv[] = {
    goods("2D 일반관람권", 15000, 8),
    goods("2D 관람권 2매", 30000, 4),
    goods("콤보 (팝콘L + 음료M 2)", 12000, 5),
    goods("IMAX 관람권", 20000, 2),
    coupon("매점 콤보 50% 할인쿠폰", 1000, 2),
};
constexpr ItemDef kMegabox[] = {
    goods("2D 일반관람권", 15000, 5),
    goods("러브콤보", 13000, 3),
    goods("2D 관람권 2매 + 러브콤보", 40000, 2),
};
constexpr ItemDef kLotteCinema[] = {
    goods("2D 일반관람권", 15000, 4),
    goods("스위트콤보", 12500, 2),
};

constexpr MerchantDef kMerchants[] = {
    {"LOTTE", "롯데백화점", "department_store", 0, "", kDeptVouchers},
    {"SSG", "신세계백화점", "department_store", 0, "", kShinsegae},
    {"HYUNDAI", "현대백화점", "department_store", 0, "", kHyundai},
    {"GALLERIA", "갤러리아", "department_store", 0, "", kDeptVouchers},
    {"AKPLAZA", "AK플라자", "department_store", 200, "", kDeptVouchers},
    {"EMART", "이마트", "mart", 300, "", kEmart},
    {"HOMEPLUS", "홈플러스", "mart", 300, "", kHomeplus},
    {"SBUX", "스타벅스", "cafe", 1000, "아이스 ", kStarbucks},
    {"TWOSOME", "투썸플레이스", "cafe", 1500, "아이스 ", kTwosome},
    {"EDIYA", "이디야커피", "cafe", 1500, "(ICE) ", kEdiya},
    {"MEGA", "메가MGC커피", "cafe", 2000, "(ICE) ", kMega},
    {"PAIK", "빽다방", "cafe", 2000, "(ICED) ", kPaik},
    {"COMPOSE", "컴포즈커피", "cafe", 2000, "(ICE) ", kCompose},
    {"HOLLYS", "할리스", "cafe", 1500, "아이스 ", kHollys},
    {"PASCUCCI", "파스쿠찌", "cafe", 1500, "아이스 ", kPascucci},
    {"GONGCHA", "공차", "cafe", 1500, "", kGongcha},
    {"PAULBASSETT", "폴바셋", "cafe", 1000, "아이스 ", kPaulBassett},
    {"GS25", "GS25", "convenience", 1000, "", kGs25},
    {"CU", "CU", "convenience", 1000, "", kCu},
    {"SEVEN", "세븐일레븐", "convenience", 1000, "", kSeven},
    {"EMART24", "이마트24", "convenience", 1000, "", kEmart24},
    {"OLIVE", "올리브영", "beauty", 500, "", kOliveYoung},
    {"INNISFREE", "이니스프리", "beauty", 2000, "", kInnisfree},
    {"SULWHASOO", "설화수", "beauty", 1000, "", kSulwhasoo},
    {"LUSH", "러쉬", "beauty", 1000, "", kLush},
    {"BR", "배스킨라빈스", "dining", 1000, "", kBaskin},
    {"BBQ", "BBQ", "dining", 1000, "", kBbq},
    {"KYOCHON", "교촌치킨", "dining", 1000, "", kKyochon},
    {"BHC", "bhc", "dining", 1000, "", kBhc},
    {"GOOBNE", "굽네치킨", "dining", 1000, "", kGoobne},
    {"DOMINO", "도미노피자", "dining", 2000, "", kDomino},
    {"OUTBACK", "아웃백스테이크하우스", "dining", 1500, "", kOutback},
    {"MCD", "맥도날드", "dining", 1000, "", kMcdonalds},
    {"BK", "버거킹", "dining", 1500, "", kBurgerKing},
    {"SUBWAY", "써브웨이", "dining", 1000, "", kSubway},
    {"DUNKIN", "던킨", "dining", 1500, "", kDunkin},
    {"BONJUK", "본죽", "dining", 1000, "", kBonjuk},
    {"VIPS", "빕스", "dining", 1500, "", kVips},
    {"PB", "파리바게뜨", "bakery", 1000, "", kParis},
    {"TLJ", "뚜레쥬르", "bakery", 1000, "", kTousles},
    {"SULBING", "설빙", "dessert", 1500, "", kSulbing},
    {"HIMART", "롯데하이마트", "electronics", 500, "", kHimart},
    {"SAMSUNG", "삼성전자", "electronics", 300, "", kSamsung},
    {"LGE", "LG전자", "electronics", 300, "", kLg},
    {"KYOBO", "교보문고", "books", 500, "", kKyobo},
    {"YES24", "예스24", "books", 500, "", kYes24},
    {"CGV", "CGV", "movie", 1000, "", kCgv},
    {"MEGABOX", "메가박스", "movie", 1000, "", kMegabox},
    {"LOTTECINEMA", "롯데시네마", "movie", 1000, "", kLotteCinema},
};

}  // namespace

std::span<const MerchantDef> merchantDefs() { return kMerchants; }

}  // namespace reconsole::demo
