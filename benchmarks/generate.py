"""Synthetic story libraries for benchmarks and for trying the GUI at scale.

``records(n, seed)`` makes ``n`` deterministic ``StoryRecord`` objects: about
45% simplified Chinese, 8% traditional Chinese and 47% English stories about
Chinese NGOs working abroad, with words drawn from NGO-news vocabularies at
Zipf-like frequencies, partial publication dates (2010-2024), 1-4 tags from
about 200 and 0-3 people, organisations and places each.

    python benchmarks/generate.py N OUT_FOLDER   # a library of N stories
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from ngodesk.domain.models import EntityKind, EntityRef, StoryRecord, StoryStatus, StoryView, TagRef
from ngodesk.search.text import fold

T = TypeVar("T")


class Zipf(Generic[T]):
    """Items picked with weight 1/rank**s: the first item is the commonest."""

    def __init__(self, items: Sequence[T], s: float = 1.0) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(len(self.items))))

    def one(self, rng: random.Random) -> T:
        return rng.choices(self.items, cum_weights=self.cum)[0]

    def some(self, rng: random.Random, k: int) -> list[T]:
        return rng.choices(self.items, cum_weights=self.cum, k=k)

    def distinct(self, rng: random.Random, k: int) -> list[T]:
        """Up to ``k`` different items, in the order first picked."""
        return list(dict.fromkeys(self.some(rng, k * 2)))[:k]


# --- vocabularies -----------------------------------------------------------

#: Chinese NGO-news words, commonest first.
ZH_WORDS = """
中国 项目 公益 的 基金会 援助 在 合作 发展 当地 和 开展 国际 志愿者 儿童 为 与 将 了 对
是 慈善 社会组织 培训 医疗 教育 民生 扶贫 等 救援 物资 学校 社区 人道主义 活动 服务 支持
中国扶贫基金会 一带一路 走出去 并 政府 企业 民生项目 丝路一家亲 国际救援 向 贫困 捐赠 地震
灾区 紧急 救灾 妇女 青年 家庭 农村 技能 学生 教师 医院 卫生 粮食 饮用水 水井 疫情 疫苗
诊所 医生 护士 白内障 手术 光明行 女童 农民 村民 脱贫 减贫 乡村 职业 奖学金 课堂 图书馆
助学 营养餐 午餐 书包 文具 发放 捐建 建设 启动 签署 协议 举行 仪式 出席 代表 大使馆 大使
中资企业 华侨 华人 商会 资金 善款 筹集 募捐 公众 透明 能力建设 交流 民心相通 人文交流 友好
双方 当地政府 联合国 机构 伙伴 网络 平台 研讨会 论坛 报告 调研 评估 可持续 环境 气候变化
清洁能源 太阳能 农业 技术 示范 推广 就业 生计 小额信贷 妇女赋权 残障 孤儿 难民 营地 帐篷
食品包 卫生包 医疗队 义诊 救援队 搜救 队员 派出 抵达 首都 境外 海外 非洲 东南亚 南亚 中东
拉美 周边国家 命运共同体 乡村振兴 共同富裕 社会责任 熊猫包裹 微笑儿童 国际爱心包裹 南南合作
中国红十字会 爱德基金会 中华慈善总会 洪水 干旱 台风 重建 灾后重建 安置 受灾群众 转移 捐款
理事会 秘书长 负责人 工作人员 专家 团队 经验 模式 本土化 注册 办公室 国别 战略 规划 年度
""".split()

#: Extra Chinese tokens sprinkled into Chinese text ("mixed" content).
ZH_MIXED = ["NGO", "UNDP", "WFP", "UNICEF", "Belt and Road", "COVID-19", "CSR", "2030", "SDGs"]

EN_ORGS = [
    "China Foundation for Poverty Alleviation",
    "CFPA",
    "the Red Cross Society of China",
    "Amity Foundation",
    "China Foundation for Rural Development",
    "the China Charity Federation",
    "China Soong Ching Ling Foundation",
    "Peaceland Foundation",
    "Blue Sky Rescue",
    "the China NGO Network for International Exchanges",
    "China Youth Development Foundation",
    "Tencent Foundation",
    "Alibaba Foundation",
    "Jack Ma Foundation",
    "Global Environmental Institute",
    "Shenzhen Mammoth Foundation",
    "Oxfam Hong Kong",
    "Save the Children",
    "UNICEF",
    "the World Food Programme",
    "UNDP",
    "the Kenya Red Cross",
    "the Nepal Red Cross Society",
    "Myanmar Red Cross Society",
    "the Ethiopian Red Cross",
    "Plan International",
    "World Vision",
    "the Chinese embassy",
    "China Road and Bridge Corporation",
    "Huawei",
    "PowerChina",
    "CCCC",
]
EN_VERBS_PAST = [
    "delivered",
    "launched",
    "donated",
    "opened",
    "trained",
    "signed",
    "built",
    "funded",
    "supported",
    "distributed",
    "completed",
    "hosted",
    "visited",
    "expanded",
    "announced",
    "provided",
    "organised",
    "handed over",
    "renovated",
    "equipped",
    "sent",
    "mobilised",
    "evaluated",
    "piloted",
    "inaugurated",
]
EN_VERBS_NOW = [
    "delivers",
    "launches",
    "donates",
    "opens",
    "trains",
    "signs",
    "builds",
    "funds",
    "supports",
    "distributes",
    "completes",
    "hosts",
    "expands",
    "announces",
    "provides",
    "sends",
    "renovates",
]
EN_ADJECTIVES = [
    "local",
    "rural",
    "new",
    "Chinese",
    "international",
    "emergency",
    "free",
    "medical",
    "mobile",
    "primary",
    "remote",
    "solar-powered",
    "first",
    "small",
    "community-based",
    "young",
    "vulnerable",
    "low-income",
    "flood-hit",
    "earthquake-affected",
    "public",
    "private",
    "grassroots",
    "long-term",
]
EN_NOUNS = [
    "NGO",
    "school",
    "volunteer",
    "child",
    "hospital",
    "clinic",
    "village",
    "farmer",
    "student",
    "teacher",
    "project",
    "programme",
    "family",
    "community",
    "donation",
    "foundation",
    "charity",
    "well",
    "nurse",
    "doctor",
    "refugee",
    "orphan",
    "girl",
    "woman",
    "household",
    "scholarship",
    "workshop",
    "partner",
    "official",
    "survivor",
    "camp",
    "kit",
    "shelter",
    "meal",
    "bridge",
    "library",
    "classroom",
    "toilet",
    "ambulance",
    "grant",
    "cooperative",
    "worker",
    "entrepreneur",
    "mother",
    "migrant",
    "engineer",
    "delegation",
    "agreement",
    "initiative",
    "centre",
    "network",
    "fund",
    "seminar",
    "report",
    "crisis",
    "flood",
    "earthquake",
    "drought",
    "cyclone",
    "disease",
    "vaccine",
    "person",
    "parcel",
    "backpack",
]
EN_MASS = [
    "disaster relief",
    "poverty alleviation",
    "clean water",
    "food security",
    "public health",
    "rural development",
    "capacity building",
    "emergency aid",
    "humanitarian assistance",
    "maternal health",
    "vocational training",
    "livelihood support",
    "girls' education",
    "climate adaptation",
    "civil society",
    "people-to-people exchange",
    "South-South cooperation",
    "the Belt and Road Initiative",
    "eye care",
    "school feeding",
    "post-disaster reconstruction",
    "cataract surgery",
    "solar power",
    "microfinance",
]
EN_FILLERS = [
    "According to the organisers,",
    "In a statement,",
    "Officials said",
    "Local media reported that",
    "The project manager said",
    "Speaking at the ceremony,",
    "Since then,",
    "Over the past year,",
    "Under the agreement,",
    "In the first phase,",
    "As part of the programme,",
    "Volunteers noted that",
]
_IRREGULAR = {"child": "children", "woman": "women", "person": "people", "crisis": "crises"}


def plural(noun: str) -> str:
    """English plural of one of the vocabulary's nouns."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def _pairs(items: list[str]) -> list[tuple[str, str]]:
    """``[a, b, c, d]`` -> ``[(a, b), (c, d)]``, underscores in names made spaces."""
    return [(a.replace("_", " "), b) for a, b in zip(items[::2], items[1::2], strict=True)]


@dataclass(frozen=True)
class Country:
    en: str
    zh: str
    region: str


#: Countries where the stories happen, commonest first.
COUNTRIES = [
    Country(en, zh, region)
    for region, pairs in (
        ("Asia", "Myanmar 缅甸 Nepal 尼泊尔 Cambodia 柬埔寨 Laos 老挝 Pakistan 巴基斯坦"),
        ("Africa", "Kenya 肯尼亚 Ethiopia 埃塞俄比亚 Uganda 乌干达 Tanzania 坦桑尼亚 Sudan 苏丹"),
        ("Asia", "Sri_Lanka 斯里兰卡 Bangladesh 孟加拉国 Thailand 泰国 Vietnam 越南 Indonesia 印度尼西亚"),
        ("Africa", "Zimbabwe 津巴布韦 Zambia 赞比亚 Malawi 马拉维 Mozambique 莫桑比克 Namibia 纳米比亚"),
        ("Asia", "Philippines 菲律宾 Mongolia 蒙古国 Afghanistan 阿富汗 Malaysia 马来西亚 Timor-Leste 东帝汶"),
        ("Africa", "Nigeria 尼日利亚 Ghana 加纳 Senegal 塞内加尔 Sierra_Leone 塞拉利昂 Liberia 利比里亚"),
        ("Middle East", "Syria 叙利亚 Iraq 伊拉克 Jordan 约旦 Lebanon 黎巴嫩 Yemen 也门 Turkey 土耳其"),
        ("Africa", "Guinea 几内亚 Madagascar 马达加斯加 Rwanda 卢旺达 Djibouti 吉布提 Somalia 索马里"),
        ("Asia", "Maldives 马尔代夫 Kazakhstan 哈萨克斯坦 Kyrgyzstan 吉尔吉斯斯坦 Tajikistan 塔吉克斯坦"),
        ("Africa", "South_Sudan 南苏丹 Egypt 埃及 Morocco 摩洛哥 South_Africa 南非 Cameroon 喀麦隆"),
        ("Latin America", "Ecuador 厄瓜多尔 Peru 秘鲁 Haiti 海地 Cuba 古巴 Venezuela 委内瑞拉 Mexico 墨西哥"),
        ("Oceania", "Fiji 斐济 Papua_New_Guinea 巴布亚新几内亚 Tonga 汤加 Vanuatu 瓦努阿图 Samoa 萨摩亚"),
        ("Europe", "Serbia 塞尔维亚 Ukraine 乌克兰 Belarus 白俄罗斯"),
    )
    for en, zh in _pairs(pairs.split())
]

#: Cities and Chinese provinces (English, Chinese) for places beyond countries.
CITIES = [
    tuple(pair.split("|"))
    for pair in """Yangon|仰光 Mandalay|曼德勒 Kathmandu|加德满都 Pokhara|博卡拉 Nairobi|内罗毕 Mombasa|蒙巴萨
    Addis_Ababa|亚的斯亚贝巴 Phnom_Penh|金边 Siem_Reap|暹粒 Vientiane|万象 Luang_Prabang|琅勃拉邦
    Islamabad|伊斯兰堡 Karachi|卡拉奇 Gwadar|瓜达尔 Colombo|科伦坡 Dhaka|达卡 Kampala|坎帕拉
    Dar_es_Salaam|达累斯萨拉姆 Khartoum|喀土穆 Juba|朱巴 Harare|哈拉雷 Lusaka|卢萨卡 Lilongwe|利隆圭
    Maputo|马普托 Windhoek|温得和克 Lagos|拉各斯 Abuja|阿布贾 Accra|阿克拉 Dakar|达喀尔
    Freetown|弗里敦 Monrovia|蒙罗维亚 Conakry|科纳克里 Antananarivo|塔那那利佛 Kigali|基加利
    Beijing|北京 Shenzhen|深圳 Shanghai|上海 Kunming|昆明 Yunnan|云南 Guangxi|广西 Nanning|南宁
    Xinjiang|新疆 Chengdu|成都 Guangzhou|广州 Hong_Kong|香港 Macau|澳门 Taipei|台北""".split()
]

ZH_SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 韩".split()
ZH_GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 建华 志强 海燕 晓明 国庆 文博".split()
EN_FIRST = "John Mary Grace Peter Amina Joseph Fatima David Esther Samuel Aung Thandar Ram Sita Abebe Wanjiru".split()
EN_LAST = "Ochieng Mwangi Kamau Tesfaye Bekele Kyaw Win Thapa Sharma Banda Phiri Okafor Mensah Diallo Smith".split()

ZH_ORG_TYPES = ["基金会", "慈善会", "公益基金会", "青少年发展基金会", "红十字会", "志愿者协会", "公益服务中心"]
EN_ORG_TYPES = ["Red Cross", "Youth Foundation", "Development Trust", "Women's Association", "Relief Network"]
ZH_ORGS_REAL = [
    "中国扶贫基金会",
    "中国红十字会",
    "爱德基金会",
    "中华慈善总会",
    "中国乡村发展基金会",
    "中国宋庆龄基金会",
    "平澜公益基金会",
    "蓝天救援队",
    "中国民间组织国际交流促进会",
    "中国青少年发展基金会",
    "腾讯公益慈善基金会",
    "阿里巴巴公益基金会",
    "深圳国际公益学院",
    "全球环境研究所",
    "深圳市爱佑未来慈善基金会",
    "中国和平发展基金会",
]

ZH_SOURCES = ["人民网", "新华网", "公益时报", "中国发展简报", "澎湃新闻", "中国新闻网", "凤凰网公益", "中国青年报"]
ZH_HANT_SOURCES = ["中央社", "明報", "端傳媒", "大公報"]
EN_SOURCES = [
    "Xinhua",
    "China Daily",
    "South China Morning Post",
    "China Development Brief",
    "The Diplomat",
    "Devex",
    "Reuters",
    "Global Times",
    "The Standard",
    "Myanmar Times",
    "The Kathmandu Post",
    "AllAfrica",
]


def _items(text: str) -> list[str]:
    """``a|b|c`` (line breaks ignored) -> ``[a, b, c]``."""
    return text.replace("\n", "").split("|")


TOPICS = _items("""Disaster relief|Poverty alleviation|Education|Health|Health/Maternal health|Health/Eye care|
Health/Epidemics|Water and sanitation|Food security|Nutrition|Livelihoods|Vocational training|Women and girls|
Children|Youth|Refugees|Climate change|Environment|Renewable energy|Agriculture|Infrastructure|Capacity building|
Volunteering|Philanthropy|Corporate social responsibility|Diaspora|People-to-people exchange|Public diplomacy|
Policy|Regulation|Fundraising|Transparency|Research|Covid-19|Earthquakes|Floods|Drought|Cyclones|Conflict|
Peacebuilding|Disability|Elderly care|Orphans|Housing|Digital inclusion|Sport|Culture|Media|Partnerships|
South-South cooperation""")
PROGRAMMES = _items("""丝路一家亲|熊猫包裹|微笑儿童|国际爱心包裹|光明行|Belt and Road|Going Out|
China-Africa Cooperation|Lancang-Mekong|South-South Cooperation Fund|Global Development Initiative|
国际志愿者|海外办公室|民生项目|
Smiling Children|Panda Pack|Brightness Action|Emergency response fund|Scholarships abroad|
Overseas volunteers|Water for Africa|Schools for Myanmar|Nepal reconstruction|Mother and baby kits|
Solar villages""")
ACTORS = _items("""Foundation|Foundation/Public foundation|Foundation/Private foundation|Grassroots NGO|
Red Cross|Government|Embassy|Company|State-owned enterprise|University|UN agency|Local partner|Chamber of commerce|
Diaspora association|Media|Volunteer team""")
EVENTS = _items("""Launch ceremony|Donation|Signing|Visit|Forum|Training session|Emergency response|Handover|Award|
Anniversary""")
SOURCE_TYPES = _items("""News agency|Newspaper|NGO website|WeChat|Weibo|Annual report|Government notice|
Academic|Blog|Video""")
REVIEW = _items("""To check|Checked|Needs translation|Follow up|Key story|Period/2010-2014|Period/2015-2019|
Period/2020-2024""")

#: Tags other than regions, commonest first (topics lead).
OTHER_TAGS = (
    [f"Topic/{t}" for t in TOPICS]
    + [f"Programme/{p}" for p in PROGRAMMES]
    + [f"Actor/{a}" for a in ACTORS]
    + [f"Event/{e}" for e in EVENTS]
    + [f"Source/{s}" for s in SOURCE_TYPES]
    + [f"Review/{r}" for r in REVIEW]
)


@cache
def traditional(text: str) -> str:
    """The traditional-character form of simplified ``text``."""
    return _s2t().convert(text)


@cache
def _s2t() -> Any:
    from opencc import OpenCC

    return OpenCC("s2t")


@dataclass(frozen=True)
class Pools:
    """Zipf-weighted choices shared by all stories of a run."""

    zh_words: Zipf[str]
    countries: Zipf[Country]
    cities: Zipf[tuple[str, str]]
    zh_orgs: Zipf[str]
    en_orgs: Zipf[str]
    zh_people: Zipf[str]
    en_people: Zipf[str]
    other_tags: Zipf[str]
    en_nouns: Zipf[str]
    en_mass: Zipf[str]
    en_adjectives: Zipf[str]
    en_verbs_past: Zipf[str]
    en_verbs_now: Zipf[str]


@cache
def pools() -> Pools:
    """Build the pools once (names are combined systematically, so they do
    not depend on the seed)."""
    zh_orgs = (
        ZH_ORGS_REAL
        + [f"{zh}{kind}" for (_, zh), kind in zip(CITIES, itertools.cycle(ZH_ORG_TYPES))]
        + [f"{c.zh}{kind}" for c, kind in zip(COUNTRIES, itertools.cycle(ZH_ORG_TYPES[3:]))]
    )
    en_orgs = (
        EN_ORGS
        + [f"{c.en} {kind}" for c, kind in zip(COUNTRIES, itertools.cycle(EN_ORG_TYPES))]
        + [f"{en.replace('_', ' ')} {kind}" for (en, _), kind in zip(CITIES, itertools.cycle(EN_ORG_TYPES[1:]))]
    )
    zh_people = [s + g for g, s in itertools.product(ZH_GIVEN, ZH_SURNAMES)][:240]
    en_people = [f"{first} {last}" for last, first in itertools.product(EN_LAST, EN_FIRST)][:200]
    cities = [(en.replace("_", " "), zh) for en, zh in CITIES]
    return Pools(
        zh_words=Zipf(ZH_WORDS),
        countries=Zipf(COUNTRIES, 0.9),
        cities=Zipf(cities, 0.8),
        zh_orgs=Zipf(zh_orgs, 0.9),
        en_orgs=Zipf(en_orgs, 0.9),
        zh_people=Zipf(zh_people, 0.7),
        en_people=Zipf(en_people, 0.7),
        other_tags=Zipf(OTHER_TAGS, 0.8),
        en_nouns=Zipf(EN_NOUNS),
        en_mass=Zipf(EN_MASS),
        en_adjectives=Zipf(EN_ADJECTIVES),
        en_verbs_past=Zipf(EN_VERBS_PAST),
        en_verbs_now=Zipf(EN_VERBS_NOW),
    )


# --- text -------------------------------------------------------------------


def _han_count(words: list[str]) -> int:
    return sum(len(w) for w in words if not w.isascii())


def zh_clause(rng: random.Random, p: Pools, country: Country, hant: bool) -> list[str]:
    """A few words, sometimes led by an organisation and a place."""
    parts: list[str] = []
    if rng.random() < 0.25:
        parts.append(p.zh_orgs.one(rng))
    if rng.random() < 0.3:
        parts += ["在", country.zh if rng.random() < 0.7 else p.cities.one(rng)[1]]
    parts += p.zh_words.some(rng, rng.randint(3, 7))
    if rng.random() < 0.08:
        parts.append(rng.choice(ZH_MIXED))
    if rng.random() < 0.1:
        parts.append(f"{rng.randint(2, 500)}{rng.choice(['万元', '名', '所', '吨', '个'])}")
    if hant:
        parts = [w if w.isascii() else traditional(w) for w in parts]
    return parts


def zh_text(rng: random.Random, p: Pools, country: Country, hant: bool, low: int, high: int, title: bool) -> str:
    """Chinese text of ``low``-``high`` Han characters (a title has no
    sentence punctuation)."""
    target = rng.randint(low, high)
    pieces: list[str] = []
    count = 0
    while count < target:
        clause = zh_clause(rng, p, country, hant)
        count += _han_count(clause)
        pieces.append("".join(clause))
    if title:
        return " ".join(pieces)
    sentences = ["，".join(pieces[i : i + 3]) + "。" for i in range(0, len(pieces), 3)]
    return "".join(sentences)


def en_object(rng: random.Random, p: Pools, article: bool = True) -> str:
    """A noun phrase: a mass noun, or an (adjective +) noun, plural or with
    an article."""
    if rng.random() < 0.3:
        return p.en_mass.one(rng)
    noun = p.en_nouns.one(rng)
    if rng.random() < 0.6:
        noun = f"{p.en_adjectives.one(rng)} {noun}"
    if rng.random() < 0.65:
        words = noun.split(" ")
        return " ".join(words[:-1] + [plural(words[-1])])
    if not article:
        return noun
    if rng.random() < 0.5:
        return f"the {noun}"
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def en_place(rng: random.Random, p: Pools, country: Country) -> str:
    return country.en if rng.random() < 0.7 else p.cities.one(rng)[0]


def en_sentence(rng: random.Random, p: Pools, country: Country) -> str:
    roll = rng.random()
    if roll < 0.6:
        subject = p.en_orgs.one(rng)
    elif roll < 0.8:
        subject = f"{p.en_adjectives.one(rng)} {plural(p.en_nouns.one(rng))}"
    else:
        subject = f"the {p.en_nouns.one(rng)}"
    parts = [subject, p.en_verbs_past.one(rng), en_object(rng, p)]
    if rng.random() < 0.7:
        parts += ["in", en_place(rng, p, country)]
    if rng.random() < 0.5:
        parts += [rng.choice(["for", "with", "to support", "through"]), en_object(rng, p)]
    if rng.random() < 0.3:
        parts += ["in", str(rng.randint(2010, 2024))]
    if rng.random() < 0.25:
        parts.insert(0, rng.choice(EN_FILLERS))
    if rng.random() < 0.06:
        parts.append(rng.choice(["(丝路一家亲)", "(中国扶贫基金会)", "(走出去)", "(民生项目)", "(熊猫包裹)"]))
    sentence = " ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def en_title(rng: random.Random, p: Pools, country: Country) -> str:
    org = p.en_orgs.one(rng)
    what = en_object(rng, p, article=False)
    title = f"{org[0].upper()}{org[1:]} {p.en_verbs_now.one(rng)} {what} in {en_place(rng, p, country)}"
    if len(title) < 50:
        title += f" {rng.choice(['after', 'amid', 'for'])} {en_object(rng, p, article=False)}"
    return title


def en_summary(rng: random.Random, p: Pools, country: Country) -> str:
    target = rng.randint(450, 750)
    sentences: list[str] = []
    length = 0
    while length < target:
        sentences.append(en_sentence(rng, p, country))
        length += len(sentences[-1]) + 1
    return " ".join(sentences)


# --- records ----------------------------------------------------------------


def published(rng: random.Random) -> str:
    """A partial date between 2010 and 2024: year, year-month or full."""
    year = rng.randint(2010, 2024)
    kind = rng.random()
    if kind < 0.15:
        return str(year)
    month = rng.randint(1, 12)
    if kind < 0.35:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def story_tags(rng: random.Random, p: Pools, country: Country) -> tuple[str, ...]:
    """1-4 tags: usually the story's region, plus Zipf-picked others."""
    tags: list[str] = []
    roll = rng.random()
    if roll < 0.75:
        tags.append(f"Region/{country.region}/{country.en}")
    elif roll < 0.85:
        tags.append(f"Region/{country.region}")
    wanted = rng.randint(1, 4)
    tags += [t for t in p.other_tags.distinct(rng, wanted) if t not in tags]
    return tuple(tags[:wanted])


def _names(rng: random.Random, zipf: Zipf[str], hant: bool) -> tuple[str, ...]:
    names = zipf.distinct(rng, rng.choice((0, 0, 1, 1, 1, 2, 3)))
    return tuple(traditional(n) if hant and rng.random() < 0.5 else n for n in names)


def record(rng: random.Random, p: Pools, serial: int) -> StoryRecord:
    """One story; its title may still collide (see ``records``)."""
    country = p.countries.one(rng)
    roll = rng.random()
    language = "zh" if roll < 0.45 else "zh-Hant" if roll < 0.53 else "en"
    zh, hant = language != "en", language == "zh-Hant"
    if zh:
        title = zh_text(rng, p, country, hant, 16, 30, title=True)
        summary = zh_text(rng, p, country, hant, 200, 400, title=False)
        source = rng.choice(ZH_HANT_SOURCES if hant else ZH_SOURCES)
        orgs, people = _names(rng, p.zh_orgs, hant), _names(rng, p.zh_people, hant)
    else:
        title, summary = en_title(rng, p, country), en_summary(rng, p, country)
        source = rng.choice(EN_SOURCES)
        orgs, people = _names(rng, p.en_orgs, False), _names(rng, p.en_people, False)
    place_names = [country.zh if zh else country.en] + [c[1] if zh else c[0] for c in p.cities.distinct(rng, 2)]
    places = tuple(place_names[: rng.choice((0, 1, 1, 1, 2, 3))])
    return StoryRecord(
        title=title,
        position=f"record {serial}",
        summary=summary,
        url=f"https://news.example.org/{language.lower()}/{serial}" if rng.random() < 0.8 else "",
        source=source,
        published=published(rng),
        language=language,
        tags=story_tags(rng, p, country),
        people=people,
        organisations=orgs,
        places=tuple(traditional(n) if hant else n for n in places),
    )


def records(n: int, seed: int = 1) -> list[StoryRecord]:
    """``n`` synthetic stories, the same for the same ``n`` and ``seed``.
    Titles are unique as the importer compares them (folded); a colliding
    title gets its serial number appended."""
    rng = random.Random(seed)
    p = pools()
    seen: set[str] = set()
    result = []
    for serial in range(1, n + 1):
        story = record(rng, p, serial)
        key = fold(story.title)
        if key in seen:
            story = replace(story, title=f"{story.title} ({serial})")
            key = fold(story.title)
        seen.add(key)
        result.append(story)
    return result


def write_ris(stories: Sequence[StoryRecord], path: str | Path) -> None:
    """Write ``stories`` to ``path`` as RIS, with ngodesk's RIS writer (as
    an export would: title, summary, source, date, language, tags as
    keywords, people as authors)."""
    from ngodesk.formats.writers import ris

    now = datetime.now(UTC)

    def view(serial: int, story: StoryRecord) -> StoryView:
        people = tuple(EntityRef(0, "", EntityKind.PERSON, name) for name in story.people)
        tags = tuple(TagRef(0, "", tag) for tag in story.tags)
        return StoryView(
            serial, "", story.title, story.summary, story.body, story.url, story.source, story.published,
            story.language, StoryStatus.DRAFT, now, now, 1, tags, people,
        )  # fmt: skip

    with open(path, "w", encoding="utf-8") as out:
        ris.write(out, (view(serial, story) for serial, story in enumerate(stories, 1)))


def build_library(n: int, folder: str, seed: int = 1) -> None:
    """Import ``n`` synthetic stories into the library at ``folder``."""
    from ngodesk.services.importing import import_records
    from ngodesk.services.library import open_library

    library = open_library(folder)
    try:
        report = import_records(library, records(n, seed), origin="generate.py")
    finally:
        library.close()
    print(f"{folder}: {report.added} stories added, {len(report.duplicates)} duplicates,", end=" ")
    print(f"{len(report.problems)} problems")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a library folder of N synthetic stories.")
    parser.add_argument("n", type=int, help="number of stories")
    parser.add_argument("folder", help="library folder (created if missing)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    build_library(args.n, args.folder, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
