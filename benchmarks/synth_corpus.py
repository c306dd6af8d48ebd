"""A synthetic corpus of diplomatic news articles for scaling benchmarks: deterministic, seeded,
and as large as asked.

Each article is a plausible news item of about 1.5–4 KB in the format `kg` reads (a ` date
YYYY-MM-DD` line, an optional byline, a headline, then paragraphs opening with a dispatch
dateline), built from sentence templates written for this file: foreign ministers meeting their
counterparts, receptions of ambassadors, phone calls, official and state visits, delegations,
political consultations, sessions of intergovernmental commissions, parliamentary contacts,
signing ceremonies that list several documents and who signed each, the topics discussed,
quotes, and the year diplomatic relations were established.

States are real: they are read from the lexicon's states file (names, formal names, demonyms and
capitals). People are fictional: their names are made from syllables in several styles (Slavic,
Turkic, Caucasian, Persian, Arabic, South Asian, Chinese, Japanese, Korean, South-East Asian,
West and East/Southern African, Hispanic/Lusophone, Greek, Western). People repeat across
articles: the corpus walks through a sliding window of "casts" (one state's office holders for a
while: head of state, prime minister, foreign minister and deputy, sector ministers, speaker,
ambassadors), so each person appears in a handful of articles, sometimes only as "Mr./Ms.
Surname" on second mention, and new casts keep entering as the corpus grows (about 1.2 new
people per article on large corpora, more on small ones; the median person is in 5 articles).
Dates are spread over 2015–2025.

Guarantees: the same `n` and `seed` give byte-identical articles, and the first `n` articles do
not depend on `n` (`generate(n + 1)[:n] == generate(n)`), so a benchmark can add one more article
to an existing corpus. (The output depends on the lexicon too, which supplies the states and the
words a name must not be.)

Use:
    .venv/bin/python benchmarks/synth_corpus.py N OUTDIR [--seed S]          # write N articles
    .venv/bin/python benchmarks/synth_corpus.py N OUTDIR --check             # ... and check kg
                                                                             # finds what was made
From Python (with benchmarks/ on sys.path, or from the checkout's root):
    from benchmarks.synth_corpus import generate, generate_records, write_corpus
    pairs = generate(1000, seed=0)            # [("synth-00000.txt", text), ...]
    paths = write_corpus(1000, "build/synth")
    records = generate_records(100)           # the same articles with the people, meetings and
                                              # documents each was made with (for checking)

Needs only the standard library and kg (its lexicon reader, and kg's name key so that no two
made-up people share a name as kg compares names; `--check` also runs kg's extractor).
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:          # run as a script from a checkout without `pip install -e .`
    sys.path.append(str(ROOT))

from kg.extract.names import name_key  # noqa: E402
from kg.lexicon import fold, read_table, split_values  # noqa: E402

LEXICON_DIR = ROOT / "data" / "lexicon"

# ------------------------------------------------------------------ corpus shape

ACTIVE = 8                  # casts (states' office holders) on stage at any article
EVERY = 8                   # a new cast comes on stage every EVERY articles (and the oldest leaves)
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days + 1
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# The portfolios of sector ministers (each cast has two), as "Minister of X" writes them, with the
# fields of cooperation a document of that ministry is about.
PORTFOLIOS = {
    "Economy": ["trade and investment", "support for small businesses",
                "export promotion", "the mutual protection of investments"],
    "Energy": ["renewable energy", "electricity interconnection", "energy efficiency",
               "the exploration of oil and gas deposits"],
    "Transport": ["international road transport", "railway transit", "civil aviation",
                  "the development of multimodal logistics"],
    "Agriculture": ["veterinary and phytosanitary control", "food security", "irrigation and land reclamation",
                    "the trade in agricultural products"],
    "Education": ["higher education and research", "vocational training", "the mutual recognition of diplomas",
                  "student exchanges"],
    "Culture": ["the protection of cultural heritage", "cultural exchanges", "archives and libraries",
                "the joint production of films"],
    "Health": ["public health and pharmaceuticals", "medical education", "sanitary and epidemiological safety"],
    "Finance": ["customs matters", "the avoidance of double taxation", "public financial management"],
    "Digital Development": ["digital government services", "information and communication technologies",
                            "cyber security"],
    "Tourism": ["tourism", "the development of pilgrimage and eco-tourism routes"],
    "Justice": ["mutual legal assistance in civil matters", "the transfer of sentenced persons"],
    "Defence": ["military education", "the defence industry"],
}
PORTFOLIO_NAMES = sorted(PORTFOLIOS)

# Topics a meeting discusses (the words the lexicon's topics know) and filler clauses about them.
TOPICS = ["trade", "investment", "energy", "transport", "transit", "logistics", "agriculture", "education",
          "culture", "tourism", "healthcare", "digital technologies", "security", "water resources",
          "humanitarian ties", "science", "the fight against terrorism", "climate change"]
FORUMS = ["the United Nations", "the UN General Assembly", "the World Trade Organization", "UNESCO",
          "the World Health Organization", "the Food and Agriculture Organization", "the UN Human Rights Council",
          "the International Atomic Energy Agency", "the International Civil Aviation Organization"]

# States whose reports have no president (monarchies and realms, and republics styled Commonwealth):
# the head of government leads.
_MONARCHY_WORDS = ("Kingdom", "Emirate", "Sultanate", "Principality", "Grand Duchy", "Commonwealth")
_REALMS = {"CAN", "NZL", "JPN", "JAM", "MYS", "BRN", "ARE", "QAT", "KWT", "SLB", "PNG", "TUV", "BLZ", "GRD",
           "LCA", "VCT", "KNA", "ATG", "TON", "BHS"}
# Short names written with "the" ("the Philippines", "the United States").
_THE_NAMES = {"Bahamas", "Gambia", "Netherlands", "Philippines", "Maldives", "Comoros"}
_THE_WORDS = ("Republic", "United", "Islands", "Kingdom", "States", "Emirates")


# ------------------------------------------------------------------ states from the lexicon

@dataclass(frozen=True)
class StateInfo:
    id: str
    name: str                # "Azerbaijan", "the Philippines" as written after "of"
    official: str            # "the Republic of Azerbaijan", "Georgia"
    dem: str | None          # "Azerbaijani"; None when the lexicon has no unambiguous one
    capital: str
    monarchy: bool
    style: str               # name style of its people

    def cap(self) -> str:    # sentence-initial: "The Philippines"
        return self.name[:1].upper() + self.name[1:]

    @property
    def poss(self) -> str:   # "Azerbaijan's", "the Philippines'"
        return self.name + ("'" if self.name.endswith("s") else "'s")

    def adj(self) -> str:    # "Azerbaijani" or "Azerbaijan's" before a noun
        return self.dem or self.poss


def _lexicon_tables(folder: Path) -> tuple[Path, dict[str, str]]:
    config = tomllib.loads((folder / "lexicon.toml").read_text(encoding="utf-8"))
    return folder, {k: v for k, v in config.items() if isinstance(v, str)}


def load_states(folder: Path = LEXICON_DIR) -> list[StateInfo]:
    """The UN member states of the lexicon's states file, with a demonym when it names one state only."""
    folder, files = _lexicon_tables(folder)
    rows = read_table(folder / files["states"])
    demonym_count: dict[str, int] = {}
    for row in rows:
        for d in split_values(row.get("demonyms", "")):
            demonym_count[d] = demonym_count.get(d, 0) + 1
    states = []
    for row in rows:
        if row.get("status") != "member":
            continue
        sid, name = row["id"], row["name"]
        officials = split_values(row.get("official", "")) or [name]
        capitals = split_values(row.get("capitals", ""))
        # kg reads no hyphenated state name or demonym ("Guinea-Bissau", "Ni-Vanuatu"): such states are
        # left out and such demonyms not used
        demonyms = [d for d in split_values(row.get("demonyms", "")) if demonym_count[d] == 1
                    and not d.isupper() and "." not in d and "-" not in d]
        if not capitals or "-" in name:
            continue
        the = name in _THE_NAMES or any(w in name.split() for w in _THE_WORDS)
        short = ("the " + name) if the else name
        official = officials[0]
        if official != name and official.split()[0] != name.split()[0] or the:
            official = "the " + official
        monarchy = any(w in officials[0] for w in _MONARCHY_WORDS) or sid in _REALMS
        states.append(StateInfo(sid, short, official, demonyms[0] if demonyms else None, capitals[0],
                                monarchy, _STYLE_OF.get(sid, "western")))
    return sorted(states, key=lambda s: s.id)


def load_agencies(folder: Path = LEXICON_DIR) -> dict[str, str]:
    """State id -> the national news agency that signs its datelines (agencies.tsv), when listed."""
    folder, files = _lexicon_tables(folder)
    if "agencies" not in files:
        return {}
    out: dict[str, str] = {}
    for row in read_table(folder / files["agencies"]):
        if row.get("state") and row["state"] not in out:
            out[row["state"]] = row["name"]
    return out


def lexicon_words(folder: Path = LEXICON_DIR) -> frozenset[str]:
    """Every one-word entry of the lexicon files (folded): a city, region, state, title or other word
    the extractor looks up. A made-up name part must be none of them, or it would be read as one."""
    folder, files = _lexicon_tables(folder)
    words: set[str] = set()
    for name in files.values():
        path = folder / name
        if not path.exists():
            continue
        for row in read_table(path):
            for column, cell in row.items():
                if column in {"_line", "id", "wikidata", "status", "state", "class", "kind", "seat"}:
                    continue
                words.update(fold(v) for v in split_values(cell) if " " not in v)
    return frozenset(words)


# ------------------------------------------------------------------ fictional names

# Which style the names of each state's people take (ISO 3166 alpha-3; others: western).
_STYLE_GROUPS = {
    "slavic": "RUS UKR BLR BGR SRB HRV SVN MKD MNE BIH POL CZE SVK",
    "turkic": "AZE KAZ KGZ UZB TKM",
    "turkish": "TUR",
    "georgian": "GEO",
    "armenian": "ARM",
    "persian": "IRN AFG TJK",
    "arabic": "SAU ARE QAT KWT BHR OMN YEM IRQ SYR JOR LBN EGY LBY SDN PAK",
    "maghreb": "DZA MAR TUN MRT",
    "south_asian": "IND NPL LKA BGD BTN MDV",
    "chinese": "CHN SGP",
    "japanese": "JPN",
    "korean": "KOR PRK",
    "malay": "IDN MYS BRN TLS",
    "thai": "THA LAO KHM MMR",
    "vietnamese": "VNM",
    "west_african": "NGA GHA SEN CIV BEN TGO BFA MLI NER GMB SLE LBR CMR GAB COG COD TCD CAF GNQ GIN GNB CPV STP",
    "east_african": "KEN UGA TZA RWA BDI ETH ERI SOM SSD ZAF ZMB ZWE MWI MOZ AGO NAM BWA LSO SWZ MDG MUS SYC COM DJI",
    "hispanic": "ESP PRT BRA MEX ARG COL CHL PER ECU BOL PRY URY VEN CUB DOM CRI PAN NIC HND SLV GTM PHL",
    "greek": "GRC CYP",
}
_STYLE_OF = {sid: style for style, ids in _STYLE_GROUPS.items() for sid in ids.split()}


def _w(text: str) -> list[str]:
    return text.split()


# style -> (male given names, female given names, surnames), each a list of syllable sets joined
# one from each; surname endings by gender are in _SUFFIX. Chinese, Korean and Vietnamese names are
# laid out differently: the first part holds [family names, given syllables...] and the second the
# syllables that make a given name female (see make_name).
_SYL = {
    "slavic": (
        [_w("Vla Mi Bo Sta Ya Ro Dra Ve Zo Lu Ra Sve Ti Bra Go"),
         _w("dim slav ran mir tko ven dan rel vor gor sil")],
        [_w("Vla Mi Bo Sta Ya Ro Dra Ve Zo Lu Sve"),
         _w("dana slava mira lena rina sna nka")],
        [_w("Ko Vo Be Gra Dro Li Mo Pe Sa Tro Zhe Kra Sto Ple Ru"),
         _w("rov lan shin dor vel bun stin gach mar zol ret")],
    ),
    "turkic": (
        [_w("Nur Ar Bek Ser Da Tal Er Ka Ay Ul Rus El Jas Ba Tur"),
         _w("zhan bol dar tan man lan sur bek lat gali mir han")],
        [_w("Ai Gul Di Ze Me Na Sa Ka Ma La"),
         _w("gerim nara lya rina hri zira bina dina lara gul")],
        [_w("Ab Bay Kal Tok Mur Sar Us Yer Ib Dzhu Tash Or Sy Kur"),
         _w("dul ram man sun tag zhan bek ma ra lan gal ya")],
    ),
    "turkish": (
        [_w("Em Ka Se Bu Tu Ha Or Mu Yi Ce Ba Ah"),
         _w("re an lim rak gay kan hun rat git vdet ris")],
        [_w("El Ze Ay Se Bu Ip De Ni"),
         _w("if ynep şe vgi se ek niz lay")],
        [_w("Kar Ak Yıl Öz Er Tan Bal Kor Ser Dem Çe Gün"),
         _w("soy dağ türk can kaya oğlu han er tepe ay kurt")],
    ),
    "georgian": (
        [_w("Le Ni Gi Da Ze Lu Ta Ira Sa Ot"),
         _w("vani ko orgi vit za ka mar ri ndro")],
        [_w("Ta Ni Na Ke Ma Eka Sa"),
         _w("mar no na tevan ia lome ri")],
        [_w("Ber Kap Gel Lom Tse Mch Kha Chi Ja Mik Pap Sul Dav"),
         _w("i a e u o")],
    ),
    "armenian": (
        [_w("Ar Va Ti Gar Hra Da Ka Mi Sa Ha"),
         _w("men hagn gran egin chya vit ren sak rut")],
        [_w("A Lu Ma Ne Sir Ta Ga"),
         _w("nush siné rine ra arpi tev yane")],
        [_w("Sar Mel Pet Har Avet Gev Mkrt Kar Ohan Nal Bagh Ter"),
         _w("ik os um ut ar or an is il")],
    ),
    "persian": (
        [_w("Ba Fa Ra Da Ka Ma Sha Ho Je Mo"),
         _w("hram rid min riush mran soud hin shang vad rteza")],
        [_w("Pa Ne Sho Fa Ma La Ro Ze"),
         _w("risa gin reh rnaz hsa leh ya ynab")],
        [_w("Tava Ran Ja Moha Sha Kar Naz Rah Sad Fir Bah Gol"),
         _w("kol jbar far jer mir dar vand man zad nav")],
    ),
    "arabic": (
        [_w("Kha Sa Ha Ra Fa Na Ma Ta Wa Ya Ba Ja Za Mu"),
         _w("lid mir san shid ris bil jid rek lim sir ssam hab yed taz")],
        [_w("La Ha Ra Sa Na Ma Du Ya Ri Am"),
         _w("yla nan nia lma dia ryam nya sra ham ina")],
        [_w("Ha Za Mu Qa Sha Ba Da Ka Na Ta Ja Su"),
         _w("ddadi hrani wari simi tairi lawi zimi hini rbi mmari jawi laimi")],
    ),
    "south_asian": (
        [_w("Ra Vi Su A De Pra Ha Ma Na Sa Ka Ro"),
         _w("jesh kram nil mod kash rish vin ndeep tul hul")],
        [_w("Pri A Ka Su Me Ra Na Di Sha"),
         _w("ya njali vita nita ghna dhika lini vya nti")],
        [_w("Sha Va Ku Ma Cha Na Re Ba Ka Pa Jo Me"),
         _w("rma rdhan lkarni thur turvedi yak ddy nerjee poor til shi hta")],
    ),
    "chinese": (
        [_w("Pei Qiao Fei Shu Mo Ren Lan Wen Kong Yan Bai Cen Dou Gu Hua Jiang Lian Ning Ou Tan"),
         _w("Jia Xiao Wei Ming Lin Yu Zhen Qing Tao Feng Rui Yun Hong Jun Zi Hai"),
         _w("hao wen bo chen hui long ning yang peng xuan jie lei fan")],
        [_w("ting yan lan mei jing xin qian")],
        [],
    ),
    "japanese": (
        [_w("Ha Ke Ta So Yu Ri Ma Hi Ka Sho"),
         _w("ruto nji keshi ichi suke ro ki zuo hei")],
        [_w("Ha Yu Mi Sa A Ka Na E"),
         _w("ka mi ko na e yo")],
        [_w("Ki Sa Mo Ta Na Hi Yo Ku O Mi Fu I"),
         _w("mura kawa yama saki moto hara zawa shita no guchi kura")],
    ),
    "korean": (
        [_w("Kim Lee Choi Jung Kang Cho Yoon Jang Lim Han Seo Shin Kwon Hwang Ahn"),
         _w("Min Seo Ji Hyun Do Ha Yeon Jae Sung Eun Tae Woo Joon Kyung"),
         _w("jun woo ho yeon min seok hee ah bin hwan soo chul")],
        [],
        [],
    ),
    "malay": (
        [_w("Bu Wi Ha Ri Su A Da In Pu Ra Ar Fa"),
         _w("di dodo rto yanto san gus rmawan ndra tri hmat")],
        [_w("Si Dew Ra Ka Pu Lu Me Nu"),
         _w("ti rina tna rtini spita ni gawati")],
        [_w("San Kus Pra Wi Ha Nu Su Ad Pur Set"),
         _w("toso umo bowo jaya rtono groho yadi nama iawan")],
    ),
    "thai": (
        [_w("Som Pra Ni Sak Ana Chai Wa Kit Thana Su"),
         _w("chai yut pon da wat sak korn rat")],
        [_w("Ma Su Pim Rat Kan Ari Da"),
         _w("lee da chanok ree ya sa wan")],
        [_w("Wong Sri Chan Pan Siri Kaew Rat Boon Sua Thong"),
         _w("sakul wattana chai yaprom porn suwan nakarin kham")],
    ),
    "vietnamese": (
        [_w("Tran Le Pham Hoang Vu Dang Bui Do Ngo Duong Ly Trinh"),
         _w("Quang Duc Huu Anh Cong Minh"),
         _w("Khoa Hai Long Tuan Phuc Bao Dung Hieu Thinh Loc Kiet")],
        [_w("Thi Ngoc Thu"),
         _w("Lan Mai Huong Thao Linh Nhung Yen")],
        [],
    ),
    "west_african": (
        [_w("Ade Olu Chi Ba Ke Ka Ema Ife Ko Ya Ou Ma Se"),
         _w("yemi nedu tunde kwame bola dou ssou mane fo ku sso")],
        [_w("Ada Fo Ngo Chi Ama Ai Fa Mari Ye"),
         _w("eze lake zi oma ssa cha tou ma ba")],
        [_w("Oko Nwa Ada Obi Ogu Ama Eze Ola Dia Kou Tra Ba Sa Ou Kon"),
         _w("fo chukwu ora nna mide tunji waju llo ssou baye gna ate")],
    ),
    "east_african": (
        [_w("Wa Mu Ki Nya Ba Tho Si Lu Ja Ta Ze"),
         _w("njiru sa bando ndile lungu kamba bo yiwe hamo ngo")],
        [_w("Wa Nya Ama Tha Zo Na Ru Li"),
         _w("njiru ndeka ndi ri kele lela ka")],
        [_w("Ochi Wa Mwa Ki Ndlo Mo Ba Ka Mu Nje Ma Chi"),
         _w("eng mbura nzi vu tebe nda ongo sebe tanga yoki kwe bwe")],
    ),
    "hispanic": (
        [_w("Al Ro Fer Ga Ma Ed Ra Jo Ti Ser Lo Ru"),
         _w("varo drigo nando briel rcelo uardo miro aquín berto gio renzo bén")],
        [_w("Al Ro Fer Ga Ma Lu Va Ce Pa Ri"),
         _w("ma cía nanda briela rcela ciana lentina lia ola ta")],
        [_w("Var Quin Ort Mar Sal Fer Cal Ben Al Re Sot Vel Pa Ri"),
         _w("gas tero ega tínez azar reira derón ítez cázar yes elo asco dilla vera")],
    ),
    "greek": (
        [_w("Ni Ko Yan Di The Ste Ge Pa Chri A"),
         _w("kos stas nis mitris odoros fanos orgios vlos stos ndreas")],
        [_w("Ele Ma Ka Sofi Ge Dia Io A"),
         _w("ni ria terina a orgia na anna thina")],
        [_w("Ka Ge Di Ni Xe Sta Mi Lo Ve Ta"),
         _w("ndrou lianos rakis sidis vakis thopoulos ntaras fteris")],
    ),
    "western": (
        [_w("Al Ber Cla Da El Fre Gun Hen Is Ju Ka Lo Ma Nor Os Pe Ro Sig Tho Ul Vi Wil"),
         _w("bert dric nrik vin mund rik ton ald las gar ver mar")],
        [_w("Al Ber Cla Da El Fre Hen Is Ju Ka Lo Ma Os Ro Sig Vi Wil"),
         _w("ine rid ette da lise ra na rit")],
        [_w("Har Lind Berg Hol Wes Strom Bran Fal Mor Cal Ash Eck Kir Pen Thorn Wal"),
         _w("quist wood mann ley ford dahl sen ton ridge well by hardt stad")],
    ),
}
_SUFFIX = {   # (male, female) surname endings
    "slavic": (_w("ov ev enko ski ovich in yuk"), _w("ova eva enko ska ovich ina yuk")),
    "turkic": (_w("ov ev bekov baev uly li zade"), _w("ova eva bekova baeva kyzy li zade")),
    "georgian": (_w("dze shvili ava eli uri ani"), _w("dze shvili ava eli uri ani")),
    "armenian": (_w("yan ian"), _w("yan ian")),
    "persian": (_w("i ian zadeh pour nia zoda"), _w("i ian zadeh pour nia zoda")),
    "maghreb": (_w("i ani ouni ari"), _w("i ani ouni ari")),
}


# a syllable sometimes put inside a surname, for more surnames than first x second syllables give
_MID = {
    "slavic": _w("ro ba li ve da no"), "turkic": _w("ba ta ku ra sy me"), "turkish": _w("ka ba ta"),
    "georgian": _w("ba la ri so na"), "armenian": _w("sa ke ro ta"), "persian": _w("ba ri na sa"),
    "arabic": _w("ra sa"), "south_asian": _w("ra na va"), "japanese": _w("ka na ta"),
    "malay": _w("ha wi na"), "thai": _w("na pa ra"), "west_african": _w("ba la ko ni"),
    "east_african": _w("la ba nge ti"), "hispanic": _w("ra li ve"), "greek": _w("po li ka"),
    "western": _w("er en ing el an is"),
}


@functools.lru_cache(maxsize=None)
def _word_key(word: str) -> str:
    return name_key(word)


def _key(name: str) -> str:
    """kg's name_key (the key its resolution compares names by), word by word and memoised."""
    return " ".join(k for k in map(_word_key, re.split(r"[\s-]+", name)) if k)


@dataclass(frozen=True)
class Name:
    full: str
    short: str               # how a second mention writes it: the surname, or the family name


def _join(rng: random.Random, parts: list[list[str]]) -> str:
    return "".join(rng.choice(p) for p in parts)


def make_name(rng: random.Random, style: str, female: bool) -> Name:
    """One made-up name in the style; the surname is what a second mention uses."""
    syl = _SYL["arabic" if style == "maghreb" else style]
    given = _join(rng, syl[1] if female and syl[1] else syl[0])
    if style == "chinese":
        family, g1, g2 = syl[0]
        first = rng.choice(family)
        given = rng.choice(g1) + (rng.choice(syl[1][0]) if female else rng.choice(g2))
        return Name(f"{first} {given}", first)
    if style == "korean":
        family, g1, g2 = syl[0]
        first = rng.choice(family)
        return Name(f"{first} {rng.choice(g1)}-{rng.choice(g2)}", first)
    if style == "vietnamese":
        family, middle, given = syl[0]
        if female:
            middle, given = syl[1]
        last = rng.choice(given)
        return Name(f"{rng.choice(family)} {rng.choice(middle)} {last}", last)
    first, second = syl[2]
    mid = _MID.get("arabic" if style == "maghreb" else style)
    surname = rng.choice(first) + (rng.choice(mid) if mid and rng.random() < 0.4 else "") + rng.choice(second)
    if style in _SUFFIX:
        male_end, female_end = _SUFFIX[style]
        end = rng.choice(female_end if female else male_end)
        if surname[-1] in "aeiou" and end[0] in "aeiou":
            surname = surname[:-1]          # "Hasarbi" + "i" -> "Hasarbi", not "Hasarbii"
        surname += end
        if style == "slavic" and surname.endswith(("ovov", "evev")):
            surname = surname[:-2]
    if style == "arabic":
        surname = "Al-" + surname[0].upper() + surname[1:]
        if rng.random() < 0.4:          # a father's name between: "Khalid Samir Al-Hashimi"
            return Name(f"{given} {_join(rng, syl[0])} {surname}", surname)
    if style == "hispanic" and rng.random() < 0.5:   # two surnames, both kept on second mention
        surname = f"{surname} {_join(rng, syl[2])}"
    return Name(f"{given} {surname}", surname)


# ------------------------------------------------------------------ the cast of people

@dataclass(frozen=True)
class Person:
    key: str
    name: Name
    female: bool
    state: StateInfo
    seat: str                 # leader | pm | fm | dfm | min:<portfolio> | dmin:<portfolio> | speaker | amb
    to: StateInfo | None = None   # the receiving state of an ambassador
    parliament: str = ""
    short_key: str = ""       # name_key of the short name: two people of an article must not share it

    @property
    def his(self) -> str:
        return "her" if self.female else "his"

    @property
    def mr(self) -> str:
        return "Ms." if self.female else "Mr."

    @property
    def portfolio(self) -> str:
        return self.seat.split(":", 1)[1] if ":" in self.seat else ""

    @property
    def kind(self) -> str:
        return self.seat.split(":", 1)[0]


@dataclass
class Cast:
    """One state's office holders while on stage: articles [(index-ACTIVE)*EVERY, index*EVERY)."""
    index: int
    state: StateInfo
    portfolios: list[str]     # its two sector ministers' portfolios
    parliament: str


class World:
    """The deterministic pool: casts by index and people by (cast, seat), made on demand and kept,
    each from its own seeded generator, so nothing depends on how many articles are asked for."""

    def __init__(self, seed: int = 0, lexicon: Path = LEXICON_DIR):
        self.seed = seed
        self.states = load_states(lexicon)
        self.agencies = load_agencies(lexicon)
        self.banned = lexicon_words(lexicon)
        self._casts: list[Cast] = []
        self._people: dict[str, Person] = {}
        self._names: set[str] = set()      # keys of the names given so far: no two people share one

    def rng(self, *key) -> random.Random:
        return random.Random("|".join(map(str, (self.seed, *key))))

    def cast(self, j: int) -> Cast:
        while len(self._casts) <= j:
            k = len(self._casts)
            rng = self.rng("cast", k)
            recent = {c.state.id for c in self._casts[-(2 * ACTIVE):]}   # a state is on stage once at a time
            state = rng.choice(self.states)
            while state.id in recent:
                state = rng.choice(self.states)
            self._casts.append(Cast(k, state, rng.sample(PORTFOLIO_NAMES, 2),
                                    rng.choice(["Parliament", "National Assembly", "Senate"])))
        return self._casts[j]

    def person(self, cast: Cast, seat: str, to: Cast | None = None) -> Person:
        key = f"{cast.index}:{seat}" + (f">{to.index}" if to else "")
        found = self._people.get(key)
        if found:
            return found
        rng = self.rng("person", key)
        female = rng.random() < 0.3
        for _ in range(100):
            name = make_name(rng, cast.state.style, female)
            if _key(name.full) not in self._names and \
                    not any(fold(w) in self.banned for w in re.split(r"[\s-]+", name.full)):
                break
        self._names.add(_key(name.full))
        person = Person(key, name, female, cast.state, seat, to.state if to else None, cast.parliament,
                        _key(name.short))
        self._people[key] = person
        return person

    def on_stage(self, i: int) -> list[Cast]:
        base = i // EVERY + 1
        return [self.cast(j) for j in range(base, base + ACTIVE)]

    def relations_date(self, a: StateInfo, b: StateInfo) -> dt.date:
        """The day two states established diplomatic relations: one per pair, the same in every article,
        and not before both states existed."""
        rng = self.rng("relations", *sorted((a.id, b.id)))
        born = max(_INDEPENDENT.get(a.id, 0), _INDEPENDENT.get(b.id, 0))
        if born >= 1991:
            year = rng.randint(born, born + (2 if born < 2000 else 1))
        else:
            year = rng.randint(1955, 2005)
        return dt.date(year, rng.randint(1, 12), rng.randint(1, 28))


# States that became independent after 1990 (the earliest year they could establish relations).
_INDEPENDENT = {**{s: 1991 for s in "RUS UKR BLR MDA GEO ARM AZE KAZ KGZ UZB TKM TJK EST LVA LTU MHL FSM".split()},
                **{s: 1992 for s in "SVN HRV BIH".split()}, **{s: 1993 for s in "SVK CZE MKD ERI".split()},
                "NAM": 1990, "PLW": 1994, "TLS": 2002, "MNE": 2006, "SSD": 2011}


# ------------------------------------------------------------------ writing one article

def _date(d: dt.date, year: bool = True) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}" if year else f"{MONTHS[d.month - 1]} {d.day}"


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class Record:
    """One generated article and what it was made with."""
    name: str
    text: str
    kind: str
    people: list[str] = field(default_factory=list)        # full names of every person named
    meetings: int = 0                                      # meetings it reports
    documents: list[str] = field(default_factory=list)     # titles of the documents signed or planned
    signed: bool = False                                   # a signing is reported


class Writer:
    """The words of one article: titles on a person's first mention and short names after, the
    two states' phrases, and the pieces every kind of article shares."""

    def __init__(self, world: World, rng: random.Random, a: Cast, b: Cast, day: dt.date):
        self.world, self.rng, self.a, self.b, self.day = world, rng, a, b, day
        self.A, self.B = a.state, b.state
        self.neighbours = abs(a.index - b.index) == 1     # such pairs have ambassadors to each other
        self.seen: dict[str, int] = {}
        self.people: list[Person] = []
        self.documents: list[str] = []
        self.meetings = 0
        self.signed = False
        self.used: set[str] = set()                         # one-off pieces already written
        self.decks: dict[str, list[int]] = {}
        self.trade = (rng.randint(40, 950), rng.randint(3, 60))
        self.in_person = True                               # False for a phone call: no one has travelled
        self._hosts: dict[str, Person | None] | None = None

    # -- people
    def p(self, cast: Cast, seat: str) -> Person:
        return self.world.person(cast, seat)

    def amb(self, cast: Cast) -> Person | None:
        """The ambassador of `cast` to the other side, when the pair keeps embassies (neighbours)."""
        if not self.neighbours:
            return None
        other = self.b if cast is self.a else self.a
        return self.world.person(cast, "amb", other)

    def title(self, p: Person, form: int | None = None) -> str:
        """A title written before the name ("Azerbaijani Foreign Minister", "Minister of Economy of the
        Republic of ..."); `form` 0 is the formal "Post of the Official Name"."""
        s, dem, port, kind = p.state, p.state.dem, p.portfolio, p.kind
        lead = "Prime Minister" if s.monarchy else "President"
        if kind == "leader":
            forms = [f"{lead} of {s.official}", f"{lead} of {s.name}"] + ([f"{dem} {lead}"] if dem else [])
        elif kind == "pm":
            # the second figure: the head of government where a president leads, else a deputy
            post = "Prime Minister" if s.id in _PM_LEADS and not s.monarchy else "Deputy Prime Minister"
            forms = [f"{post} of {s.official}", f"{post} of {s.name}"] + ([f"{dem} {post}"] if dem else [])
        elif kind == "fm":
            forms = [f"Minister of Foreign Affairs of {s.official}", f"Foreign Minister of {s.name}"] + \
                    ([f"{dem} Foreign Minister"] * 2 if dem else [f"{s.poss} Foreign Minister"])
        elif kind == "dfm":
            forms = [f"Deputy Minister of Foreign Affairs of {s.official}", f"Deputy Foreign Minister of {s.name}"] + \
                    ([f"{dem} Deputy Foreign Minister"] if dem else [])
        elif kind == "min":
            forms = [f"Minister of {port} of {s.official}", f"Minister of {port} of {s.name}"] + \
                    ([f"{dem} Minister of {port}", f"{dem} {port} Minister"] if dem else [f"{s.poss} Minister of {port}"])
        elif kind == "dmin":
            forms = [f"Deputy Minister of {port} of {s.official}", f"Deputy Minister of {port} of {s.name}"] + \
                    ([f"{dem} Deputy Minister of {port}"] if dem else [])
        elif kind == "speaker":
            forms = [f"Speaker of the {p.parliament} of {s.official}"] + \
                    ([f"Speaker of the {dem} {p.parliament}"] if dem else [f"Speaker of the {p.parliament} of {s.name}"])
        elif kind == "amb":
            forms = [f"Ambassador Extraordinary and Plenipotentiary of {s.official} to {p.to.name}",
                     f"Ambassador of {s.name} to {p.to.name}"] + ([f"{dem} Ambassador to {p.to.name}"] if dem else [])
        else:
            raise ValueError(kind)
        return forms[form % len(forms)] if form is not None else self.rng.choice(forms)

    def role(self, p: Person) -> str:
        """The post as a common noun: "the minister", "the ambassador"."""
        if p.kind == "leader":
            return "prime minister" if p.state.monarchy else "president"
        return {"pm": "prime minister" if p.state.id in _PM_LEADS and not p.state.monarchy else "deputy prime minister",
                "fm": "minister", "dfm": "deputy minister", "min": "minister", "dmin": "deputy minister",
                "speaker": "speaker", "amb": "ambassador"}[p.kind]

    def intro(self, p: Person, form: int | None = None) -> str:
        """"Title Name" on the first mention; the short name after."""
        if p.key in self.seen:
            return self.again(p)
        self._saw(p)
        return f"{self.title(p, form)} {p.name.full}"

    def appositive(self, p: Person) -> str:
        """"Name, the Minister of X of Y," on the first mention (the comma closes the appositive)."""
        if p.key in self.seen:
            return self.again(p)
        self._saw(p)
        return f"{p.name.full}, {self.rng.choice(['', 'the '])}{self.title(p, self.rng.choice([0, 1]))},"

    def again(self, p: Person) -> str:
        """A later mention: the surname (or family name), sometimes "Mr./Ms. Surname"."""
        if p.key not in self.seen:
            return self.intro(p)
        self.seen[p.key] += 1
        if any(q.short_key == p.short_key for q in self.people if q is not p):
            return p.name.full              # two people of the article share a surname: no short form
        return f"{p.mr} {p.name.short}" if self.rng.random() < 0.3 else p.name.short

    def _saw(self, p: Person) -> None:
        self.seen[p.key] = 1
        self.people.append(p)

    def met(self, n: int = 1) -> str:
        self.meetings += n
        return ""

    # -- phrases
    def topics(self, k: int | None = None) -> str:
        return _list(self.rng.sample(TOPICS, k or self.rng.randint(3, 5)))

    def two_topics(self) -> tuple[str, str]:
        x, y = self.rng.sample(TOPICS, 2)
        return x, y

    def when(self, event: dt.date) -> str:
        """The event's day as the article writes it, counted from the article's date."""
        lag, r = (self.day - event).days, self.rng.random()
        if lag == 0:
            return "today" if r < 0.3 else f"on {_date(event, False)}"
        if lag == 1 and r < 0.4:
            return "yesterday"
        if r < 0.7:
            return f"on {WEEKDAYS[event.weekday()]}"
        return f"on {_date(event, False)}"

    def dateline(self) -> str:
        """"BAKU, May 10 (Azertac) – ", "MOSCOW, May 10 /TASS/. ", "Baku, May 10. " or none."""
        r, cap = self.rng.random(), self.A.capital
        agency = self.world.agencies.get(self.A.id)
        when = _date(self.day, False)
        if agency and r < 0.45:
            sep = self.rng.choice(["–", "--", "—"])
            return f"{cap.upper()}, {when} ({agency}) {sep} " if r < 0.3 else f"{cap.upper()}, {when} /{agency}/. "
        if r < 0.85:
            return f"{cap}, {when}. "
        return ""

    def relations(self) -> str:
        """When the two states established diplomatic relations (the same date in every article)."""
        if "relations" in self.used:
            return self.filler()
        self.used.add("relations")
        d = self.world.relations_date(self.A, self.B)
        r = self.rng.randrange(4)
        if r == 0:
            return f"{self.A.cap()} and {self.B.name} established diplomatic relations on {_date(d)}."
        if r == 1:
            return f"Diplomatic relations between {self.A.name} and {self.B.name} were established in {d.year}."
        if r == 2:
            return (f"This year marks {self.day.year - d.year} years since {self.A.name} and {self.B.name} "
                    f"established diplomatic relations on {_date(d)}.")
        return (f"The sides recalled that diplomatic relations between the two countries were established on "
                f"{_date(d)}.")

    def quote(self, p: Person) -> str:
        """A quote said by p; no line twice in one article."""
        other = self.B if p.state is self.A else self.A
        lines = [
            f"We regard {other.name} as a reliable partner, and we are ready to raise our cooperation to a new level",
            "There is a solid basis for expanding trade, and our task is to turn the agreements we reach "
            "into concrete projects",
            "Our peoples are connected by long-standing ties of friendship, and the dialogue between our "
            "governments reflects that",
            f"We attach great importance to regular contacts with {other.name} at every level",
            f"The potential of our economic relations is far from exhausted, especially in {self.rng.choice(TOPICS)}",
            "Our talks have confirmed that our positions on most regional issues are close",
            "We have agreed on a clear plan of joint work for the next two years",
            f"{other.cap()} can count on our support in the international organisations",
            "Our governments should give businesses the conditions they need to work in both markets",
            "The meetings of the last months show that our partnership is entering a new stage",
        ]
        k = self._deal("quote", len(lines))
        if k is None:
            return ""
        line = lines[k]
        verb = self.rng.choice(["said", "noted", "stressed", "told reporters"])
        return f"\"{line},\" {self.again(p)} {verb}."

    def _deal(self, deck: str, n: int) -> int | None:
        """The next of n cards of a deck shuffled once per article: no sentence twice in one article."""
        order = self.decks.get(deck)
        if order is None:
            order = self.decks[deck] = self.rng.sample(range(n), n)
        return order.pop() if order else None

    def filler(self) -> str:
        """A sentence with no people in it (trade figures, projects, flights, students); "" when all
        of them have been used in the article."""
        k = self._deal("filler", len(_FILLERS))
        return "" if k is None else _FILLERS[k](self, self.rng, self.A, self.B)

    def fillers(self, k: int = 2) -> str:
        return " ".join(f for f in (self.filler() for _ in range(k)) if f)

    def discussed(self) -> str:
        forms = [
            f"The sides discussed the current state and prospects of cooperation in {self.topics()}.",
            f"The parties exchanged views on {self.topics()}, as well as on regional and international issues "
            f"of mutual interest.",
            f"During the meeting, the sides focused on expanding cooperation in {self.topics()}.",
            f"The talks covered {self.topics()}, and the two sides agreed to intensify contacts between the "
            f"relevant agencies.",
        ]
        return self.rng.choice(forms)

    # -- documents
    def doc_title(self, kind: str, p: Person | None = None, q: Person | None = None) -> str:
        """A made-up title of a document of the kind between the two states or their ministries."""
        r, A, B = self.rng, self.A, self.B
        if r.random() < 0.5:
            A, B = B, A
            p, q = q, p
        port = p.portfolio if p and p.portfolio else r.choice(PORTFOLIO_NAMES)
        subject = r.choice(PORTFOLIOS[port])
        y = self.day.year
        if kind == "agreement":
            return (f"Agreement between the Government of {A.official} and the Government of {B.official} on "
                    f"cooperation in {subject}")
        if kind == "mou":
            port2 = q.portfolio if q and q.portfolio else port
            return (f"Memorandum of Understanding between the Ministry of {port} of {A.official} and the Ministry of "
                    f"{port2} of {B.official} on cooperation in {subject}")
        if kind == "protocol":
            return (f"Protocol on amendments to the Agreement between {A.official} and {B.official} on "
                    f"{r.choice(PORTFOLIOS['Transport'] + PORTFOLIOS['Finance'])}")
        if kind == "programme":
            return (f"Programme of Cooperation between the Ministry of Foreign Affairs of {A.official} and the Ministry "
                    f"of Foreign Affairs of {B.official} for {y}-{y + 2}")
        if kind == "declaration":
            what = r.choice(["Strategic Partnership", "Comprehensive Partnership",
                             "Further Development of Friendly Relations", "Enhanced Partnership and Cooperation"])
            return f"Joint Declaration on {what} between {A.official} and {B.official}"
        if kind == "plan":
            return (f"Plan of Political Consultations between the Ministry of Foreign Affairs of {A.official} and the "
                    f"Ministry of Foreign Affairs of {B.official} for {y}-{y + 1}")
        raise ValueError(kind)

    def document(self, kind: str, p: Person | None = None, q: Person | None = None, signed: bool = True) -> str:
        title = self.doc_title(kind, p, q)
        self.documents.append(title)
        self.signed = self.signed or signed
        return title

    # -- pieces that lengthen an article to its size
    def extra(self) -> str | None:
        """One more paragraph about the same two states, or None when there is nothing left to add.
        Each piece that names someone new is written once, and only where it fits (nobody is
        received "on the sidelines" of a phone call)."""
        r, a = self.rng, self.a
        guest = next((p for p in self.people if p.state is self.B), None)
        here = self.in_person and guest is not None

        def new(person: Person | None) -> bool:
            return person is not None and person.key not in self.seen

        if self._hosts is None:     # the host's people the pieces may bring in
            self._hosts = {"deputy": self.p(a, "dmin:" + a.portfolios[0]), "ambassador": self.amb(a),
                           "pm": self.p(a, "pm"), "sector": self.p(a, "min:" + a.portfolios[1]),
                           "speaker": self.p(a, "speaker"), "dfm": self.p(a, "dfm")}
        h = self._hosts
        wants = {  # piece -> whether it can be written now
            "relations": True, "topic": True, "embassy": True, "phone": self.in_person,
            "deputy": new(h["deputy"]), "ambassador": new(h["ambassador"]),
            "pm": here and new(h["pm"]), "sector": here and new(h["sector"]),
            "speaker": here and new(h["speaker"]), "dfm": here and new(h["dfm"]),
        }
        choices = [k for k, ok in wants.items() if ok and k not in self.used] + ["filler", "filler", "quote"]
        for _ in range(4):
            pick = r.choice(choices)
            if pick == "filler":
                text = self.fillers(2)
            elif pick == "quote":
                text = self.quote(r.choice(self.people)) if self.people else ""
            else:
                self.used.add(pick)
                text = self._piece(pick, guest)
            if text:
                return text
        return None

    def _piece(self, pick: str, guest: Person | None) -> str:
        r, A, B, a, b = self.rng, self.A, self.B, self.a, self.b
        if pick == "relations":
            return f"{self.relations()} {self.filler()}".strip()
        if pick == "topic":
            t1, t2 = self.two_topics()
            return (f"Particular attention was paid to {t1}. The sides noted that joint work in {t2} has also gained "
                    f"momentum and agreed to instruct the relevant agencies to prepare new proposals.")
        if pick == "embassy":
            year = max(self.world.relations_date(A, B).year + r.randint(1, 15), 1993)
            if year >= self.day.year:
                return ""
            return (f"The embassy of {B.name} in {A.capital} was opened in {year}, and {A.name} has been represented "
                    f"in {B.capital} at the level of ambassador since {min(year + r.randint(0, 6), self.day.year)}.")
        if pick == "phone":
            seat = r.choice(["leader", "fm", "dfm"])
            x, y = self.p(a, seat), self.p(b, seat)
            if x.key in self.seen or y.key in self.seen:
                return ""
            return (f"Earlier, {self.intro(x)} had a phone conversation with {self.intro(y)}, during which the two "
                    f"sides discussed the preparations for the visit.{self.met()}")
        if pick == "deputy":
            return (f"According to {self.intro(self.p(a, 'dmin:' + a.portfolios[0]))}, a working group of experts "
                    f"from both countries will meet in {B.capital} before the end of the year to prepare new joint "
                    f"projects.")
        if pick == "ambassador":
            return (f"{_cap(self.intro(self.amb(a)))} told reporters that the two embassies are working on the "
                    f"schedule of the next visits. {self.filler()}").strip()
        if pick == "pm":
            return (f"Later in the day, {self.again(guest)} was received by {self.intro(self.p(a, 'pm'))}. The sides "
                    f"discussed the implementation of the agreements reached earlier.{self.met()}")
        if pick == "sector":
            minister = self.p(a, "min:" + a.portfolios[1])
            return (f"On the sidelines, {self.again(guest)} also met with {self.intro(minister)}.{self.met()} They "
                    f"discussed cooperation in {r.choice(PORTFOLIOS[minister.portfolio])}.")
        if pick == "speaker":
            return (f"On the same day, {self.again(guest)} also met with {self.intro(self.p(a, 'speaker'))}. They "
                    f"discussed the work of the parliamentary friendship groups.{self.met()}")
        if pick == "dfm":
            return (f"{_cap(self.intro(self.p(a, 'dfm')))} also took part in the meeting with {self.again(guest)}, "
                    f"according to the ministry.")
        raise ValueError(pick)


def _trade(w: "Writer", r, a: StateInfo, b: StateInfo) -> str:
    amount, growth = w.trade
    return (f"According to official figures, trade between {a.name} and {b.name} reached {amount} million dollars "
            f"last year, an increase of {growth} percent.")


# Sentences with no people in them, each (writer, rng, host state, guest state) -> text.
_FILLERS = [
    _trade,
    lambda w, r, a, b: (f"More than {r.randint(2, 40) * 10} companies with {b.adj()} capital are registered in "
                        f"{a.name}, most of them working in {_list(list(w.two_topics()))}."),
    lambda w, r, a, b: (f"The two countries cooperate closely within {_list(r.sample(FORUMS, 2))}, where they have "
                        f"supported each other's initiatives."),
    lambda w, r, a, b: (f"Direct flights between {a.capital} and {b.capital} are expected to "
                        f"{r.choice(['resume', 'start', 'become more frequent'])} "
                        f"{r.choice(['next spring', 'before the end of the year', 'in the coming months'])}."),
    lambda w, r, a, b: (f"A business forum bringing together some {r.randint(5, 30) * 10} entrepreneurs from both "
                        f"countries is planned to take place in {r.choice([a.capital, b.capital])}."),
    lambda w, r, a, b: (f"The next session of the intergovernmental commission on economic cooperation is scheduled "
                        f"to be held in {b.capital} in {w.day.year + 1}."),
    lambda w, r, a, b: (f"Some {r.randint(3, 90) * 10} students from {b.name} are currently studying at universities "
                        f"in {a.name}, and the number of scholarships is expected to grow."),
    lambda w, r, a, b: (f"Experts expect the joint projects in {_list(list(w.two_topics()))} to create several "
                        f"thousand jobs in both countries over the next five years."),
    lambda w, r, a, b: (f"Over the past decade, the two countries have signed more than {r.randint(2, 9) * 10} "
                        f"bilateral documents covering most areas of cooperation."),
    lambda w, r, a, b: (f"Days of {a.adj()} culture are to be held in {b.capital} "
                        f"{r.choice(['this autumn', 'next year', 'in the spring'])}, with concerts, exhibitions and "
                        f"film screenings."),
    lambda w, r, a, b: (f"Exports from {a.name} to {b.name} are dominated by "
                        f"{r.choice(['machinery', 'food products', 'textiles', 'chemicals', 'metals'])}, while imports "
                        f"consist mainly of "
                        f"{r.choice(['fuel', 'medicines', 'vehicles', 'electronics', 'fertilisers'])}."),
    lambda w, r, a, b: (f"A joint venture producing "
                        f"{r.choice(['agricultural machinery', 'building materials', 'solar panels', 'packaging'])} "
                        f"is expected to open in {a.capital} within two years."),
    lambda w, r, a, b: (f"The number of tourists travelling between the two countries grew by {r.randint(5, 70)} "
                        f"percent last year."),
    lambda w, r, a, b: ("Both countries have expressed interest in linking their national payment systems to make "
                        "trade settlements easier."),
]


# Republics where the prime minister rather than a deputy is the usual second figure of these reports.
_PM_LEADS = set("DEU ITA IND PAK ISR CZE SVK HUN POL GRC PRT IRL AUT FIN EST LVA LTU HRV SVN BGR ROU SRB "
                "MKD ALB MNE GEO ARM MDA UKR KAZ KGZ UZB TJK AZE BLR RUS EGY TUN DZA TUR BGD NPL LKA MNG "
                "VNM LAO CHN".split())


# ------------------------------------------------------------------ article kinds
# Each writes the headline and the core paragraphs of one kind of report; the extra paragraphs
# that bring the article to its size are added after.

def _fm_talks(w: Writer) -> tuple[str, list[str]]:
    """Foreign ministers' talks during a visit, sometimes a signing and a reception by the leader."""
    r, A, B = w.rng, w.A, w.B
    host, guest = w.p(w.a, "fm"), w.p(w.b, "fm")
    event = w.day - dt.timedelta(days=r.choice([0, 1, 1, 2]))
    visit = r.choice(["an official visit", "a working visit"])
    pick = r.random()
    if B.dem and pick < 0.35:
        lead = (f"{w.intro(host, 2)} held talks {w.when(event)} with {host.his} {B.dem} counterpart "
                f"{guest.name.full}, who is on {visit} to {A.name}, the Ministry of Foreign Affairs of {A.name} "
                f"reported.")
        w._saw(guest)
    elif B.dem and pick < 0.55:
        lead = (f"{w.intro(host, 2)} met with {host.his} {B.dem} counterpart {guest.name.full} in {A.capital} "
                f"{w.when(event)}.")
        w._saw(guest)
    elif pick < 0.7:
        lead = (f"{w.intro(guest)} paid {visit} to {A.name} {w.when(event)}, during which {w.again(guest)} held "
                f"talks with {w.intro(host)}.")
    elif pick < 0.85:
        lead = (f"{w.intro(host)} met with {w.intro(guest)} in {A.capital} {w.when(event)}, "
                f"the ministry's press service reported.")
    else:
        lead = (f"{w.intro(guest, 0)}, who is on {visit} to {A.name}, held talks with {w.intro(host, 0)} "
                f"{w.when(event)}.")
    paras = [w.dateline() + lead + w.met() + " " + w.discussed()]
    paras.append(f"{_cap(w.again(host))} noted that the political dialogue between {A.name} and {B.name} has gained "
                 f"new momentum and that high-level contacts give a strong impetus to economic ties. {w.relations()}")
    x, y = w.two_topics()
    paras.append(f"In turn, {w.again(guest)} said that {B.name} is interested in joint projects in {x} and {y}. "
                 f"{w.quote(guest)}")
    amb = w.amb(w.b)
    if amb and r.random() < 0.7:
        paras.append(f"The talks were also attended by {w.intro(amb)}. {w.filler()}")
    if r.random() < 0.45:
        title = w.document(r.choice(["mou", "programme", "agreement"]))
        if r.random() < 0.5:
            paras.append(f"Following the talks, the {title} was signed by {w.intro(host, 0)} and {w.intro(guest, 0)}.")
        else:
            paras.append(f"Following the talks, {w.again(host)} and {w.again(guest)} signed the {title}.")
    if r.random() < 0.4:
        leader = w.p(w.a, "leader")
        paras.append(f"On the same day, {w.again(guest)} was received by {w.intro(leader)}.{w.met()} The "
                     f"{w.role(leader)} asked the guest to convey {leader.his} greetings to the leadership of {B.name}.")
    x, y = w.two_topics()
    return f"{A.adj()} and {B.adj()} foreign ministers hold talks in {A.capital}, discuss {x} and {y}", paras


def _reception(w: Writer) -> tuple[str, list[str]]:
    """A minister receives the other state's ambassador (or deputy foreign minister)."""
    r, A, B = w.rng, w.A, w.B
    port = w.a.portfolios[0]
    host = w.p(w.a, "min:" + port)
    guest = w.amb(w.b) or w.p(w.b, "dfm")
    paras = [w.dateline() + f"{w.appositive(host)} received {w.appositive(guest)} {w.when(w.day)}, the ministry "
             f"reported.{w.met()} The sides discussed the prospects for cooperation in "
             f"{_list(r.sample(PORTFOLIOS[port], 2))}."]
    paras.append(f"{_cap(w.again(host))} briefed the guest on the reforms carried out in {A.name} and on the "
                 f"opportunities for {B.adj()} investors. {w.filler()}")
    paras.append(f"{_cap(w.again(guest))} said that {B.name} attaches great importance to its relations with {A.name} "
                 f"and proposed holding a meeting of the working group on {r.choice(PORTFOLIOS[port])}. {w.quote(guest)}")
    if r.random() < 0.6:
        dmin = w.p(w.a, "dmin:" + port)
        paras.append(f"{_cap(w.intro(dmin))} also took part in the meeting. {w.relations()}")
    if r.random() < 0.5 and "dfm" not in guest.seat:
        dfm = w.p(w.a, "dfm")
        paras.append(f"Earlier in the week, {w.again(guest)} held a meeting with {w.intro(dfm)}, at which the sides "
                     f"reviewed the calendar of bilateral visits for the coming months.{w.met()}")
    if r.random() < 0.35:
        title = w.document("mou", host, signed=False)
        paras.append(f"The two sides agreed that the {title} is expected to be signed at the next session of the "
                     f"intergovernmental commission.")
    return f"{A.adj()} Minister of {port} receives {B.adj()} {w.role(guest)}, discusses cooperation", paras


def _phone(w: Writer) -> tuple[str, list[str]]:
    """A phone call between the leaders or the foreign ministers."""
    r, A, B = w.rng, w.A, w.B
    seat = r.choice(["leader", "fm", "fm"])
    x, y = w.p(w.a, seat), w.p(w.b, seat)
    w.in_person = False
    call = r.choice(["a phone conversation", "a telephone conversation", "phone talks"])
    paras = [w.dateline() + f"{w.intro(x)} {r.choice(['had', 'held'])} {call} "
             f"{w.when(w.day - dt.timedelta(days=r.choice([0, 1])))} with {w.intro(y)}, the press service "
             f"reported.{w.met()}"]
    paras.append(f"During the conversation, the sides discussed {w.topics()}. {_cap(w.again(x))} thanked the "
                 f"{B.adj()} side for its support and noted the growing dynamics of bilateral contacts.")
    paras.append(f"{_cap(w.again(y))} expressed confidence that the upcoming meetings of the intergovernmental "
                 f"commission would give a new impulse to the partnership. {w.quote(y)}")
    if r.random() < 0.6:
        a2, b2 = w.p(w.a, "dfm"), w.p(w.b, "dfm")
        paras.append(f"Earlier this month, {w.intro(a2)} and {w.intro(b2)} held political consultations in "
                     f"{B.capital}, where they reviewed the preparations for the next high-level visit.{w.met()}")
    who = "leaders" if seat == "leader" else "foreign ministers"
    paras.append(f"The {who} agreed to keep in regular contact and exchanged invitations to visit each other's "
                 f"countries.")
    return f"{A.adj()} and {B.adj()} {who} discuss {r.choice(TOPICS)} in phone call", paras


def _state_visit(w: Writer) -> tuple[str, list[str]]:
    """A leader's state or official visit: talks, delegations, a signing ceremony with several documents."""
    r, A, B = w.rng, w.A, w.B
    host, guest = w.p(w.a, "leader"), w.p(w.b, "leader")
    kind = r.choice(["a state visit", "an official visit"])
    if r.random() < 0.6:
        lead = f"{w.intro(host, 0)} held talks {w.when(w.day)} with {w.intro(guest, 0)}, who is on {kind} to {A.name}."
    else:
        lead = (f"Talks between {w.intro(host)} and {w.intro(guest)}, who arrived in {A.capital} on {kind}, were "
                f"held {w.when(w.day)}.")
    paras = [w.dateline() + lead + w.met()]
    fm_b, min_b = w.p(w.b, "fm"), w.p(w.b, "min:" + w.b.portfolios[0])
    paras.append(f"The talks in a narrow format were followed by a meeting of the delegations, which included "
                 f"{w.intro(fm_b)} and {w.intro(min_b)}. {w.discussed()}")
    paras.append(f"{_cap(w.again(host))} noted that the visit opens a new page in the relations between the two "
                 f"countries. {w.quote(guest)}")
    fm_a, min_a = w.p(w.a, "fm"), w.p(w.a, "min:" + w.a.portfolios[0])
    kinds = ["declaration", "programme", "mou"] + ["agreement", "protocol"][:r.randint(0, 2)]
    docs = {k: w.document(k, min_a if k == "mou" else None, min_b if k == "mou" else None) for k in kinds}
    order = ["declaration"] + r.sample(kinds[1:], len(kinds) - 1)
    style = r.randrange(3)
    if style == 0:          # a list of titles, then who signed which ("The memorandum was signed by ...")
        items = "\n".join(f"- {docs[k]};" if n < len(order) - 1 else f"- {docs[k]}." for n, k in enumerate(order))
        paras.append(f"Following the talks, the following documents were signed in the presence of the two "
                     f"heads of state:\n{items}")
        paras.append(f"The declaration was signed by {w.again(host)} and {w.again(guest)}. The memorandum was signed by "
                     f"{w.intro(min_a)} and {w.again(min_b)}. The programme was signed by {w.intro(fm_a)} and "
                     f"{w.again(fm_b)}.")
    elif style == 1:        # a numbered list, each item naming its signatories
        def mou() -> str:
            if min_a.key in w.seen:
                return f"signed by the {w.title(min_a, 0)}, {w.again(min_a)}, and {w.again(min_b)}"
            w._saw(min_a)
            return f"signed by the {w.title(min_a, 0)}, {min_a.name.full}, and {w.again(min_b)}"

        signed_by = {   # written in the order of the list, so first mentions come first
            "declaration": lambda: "signed by the two presidents" if not (A.monarchy or B.monarchy) else
                                   f"signed by {w.again(host)} and {w.again(guest)}",
            "programme": lambda: f"signed by the two foreign ministers, {w.again(fm_b)} and {w.again(fm_a)}"
                                 if fm_a.key in w.seen else f"signed by {w.intro(fm_a, 0)} and {w.again(fm_b)}",
            "mou": mou,
            "agreement": lambda: "signed by senior officials of both governments",
            "protocol": lambda: f"signed by {w.intro(fm_a, 0)} and {w.again(fm_b)}",
        }
        items = "\n\n".join(f"{n + 1}. {docs[k]} – {signed_by[k]()}{';' if n < len(order) - 1 else '.'}"
                             for n, k in enumerate(order))
        paras.append(f"The two leaders then witnessed the signing of the following documents:\n\n{items}")
    else:                   # sentences
        paras.append(f"Following the talks, {w.again(host)} and {w.again(guest)} signed the {docs['declaration']}.")
        paras.append(f"In the presence of the heads of state, the {docs['programme']} was signed by {w.intro(fm_a, 0)} "
                     f"and {w.intro(fm_b, 0)}. The {docs['mou']} was signed by {w.intro(min_a, 0)} and "
                     f"{w.intro(min_b, 0)}.")
        if len(kinds) > 3:
            paras.append(f"The sides also signed the {_list([docs[k] for k in kinds[3:]])}.")
    if r.random() < 0.6:
        pm = w.p(w.a, "pm")
        paras.append(f"Later, {w.again(guest)} was received by {w.intro(pm)}.{w.met()} They discussed the "
                     f"implementation of joint projects in {w.topics(2)}.")
    x, y = w.two_topics()
    return f"{B.adj()} leader pays {kind.split()[1]} visit to {A.name}, documents on {x} and {y} signed", paras


def _delegation(w: Writer) -> tuple[str, list[str]]:
    """A delegation led by a minister pays a visit and meets the host minister."""
    r, A, B = w.rng, w.A, w.B
    port_a = w.a.portfolios[r.randrange(2)]
    port_b = port_a if port_a in w.b.portfolios else w.b.portfolios[0]
    lead_b, host = w.p(w.b, "min:" + port_b), w.p(w.a, "min:" + port_a)
    visit = r.choice(["an official visit", "a working visit"])
    paras = [w.dateline() + f"A delegation led by {w.intro(lead_b)} paid {visit} to {A.name} {w.when(w.day)}."]
    paras.append(f"As part of the visit, {w.again(lead_b)} met with {w.intro(host)}.{w.met()} The ministers discussed "
                 f"cooperation in {_list(r.sample(PORTFOLIOS[port_a], 2))}. {w.filler()}")
    extra = w.p(w.b, "dmin:" + w.b.portfolios[0]) if port_b == w.b.portfolios[0] else w.amb(w.b)
    if extra:
        paras.append(f"The delegation also included {w.intro(extra)} and representatives of {B.adj()} companies. "
                     f"{w.quote(host)}")
    if r.random() < 0.6:
        title = w.document("mou", host, lead_b)
        paras.append(f"Following the meeting, {w.again(host)} and {w.again(lead_b)} signed the {title}.")
    if r.random() < 0.6:
        pm = w.p(w.a, "pm")
        paras.append(f"The head of the delegation was also received by {w.intro(pm)}, who noted that {A.name} is "
                     f"ready to expand cooperation with {B.name} in {w.topics(2)}.{w.met()}")
    return f"{B.adj()} delegation led by Minister of {port_b} visits {A.name}, holds talks on {r.choice(TOPICS)}", paras


def _consultations(w: Writer) -> tuple[str, list[str]]:
    """Political consultations of the deputy foreign ministers; a plan of consultations signed."""
    r, A, B = w.rng, w.A, w.B
    x, y = w.p(w.a, "dfm"), w.p(w.b, "dfm")
    paras = [w.dateline() + f"{w.intro(x)} and {w.intro(y)} held {r.choice(['regular', 'annual', 'another round of'])} "
             f"political consultations between the foreign ministries of the two countries in {A.capital} "
             f"{w.when(w.day)}.{w.met()}"]
    paras.append(f"{w.discussed()} {_cap(w.again(x))} briefed the guest on the regional situation, while "
                 f"{w.again(y)} spoke about {B.poss} priorities within {r.choice(FORUMS)}.")
    amb = w.amb(w.b)
    if amb and r.random() < 0.7:
        paras.append(f"{_cap(w.intro(amb))} also took part in the consultations. {w.relations()}")
    else:
        paras.append(w.relations())
    title = w.document("plan")
    paras.append(f"Following the consultations, {w.again(x)} and {w.again(y)} signed the {title}.")
    if r.random() < 0.6:
        fm = w.p(w.a, "fm")
        paras.append(f"On the same day, {w.again(y)} was received by {w.intro(fm)}, who noted the importance of "
                     f"regular consultations for the bilateral agenda.{w.met()}")
    return f"{A.adj()} and {B.adj()} deputy foreign ministers hold political consultations in {A.capital}", paras


def _commission(w: Writer) -> tuple[str, list[str]]:
    """A session of the intergovernmental commission co-chaired by two ministers."""
    r, A, B = w.rng, w.A, w.B
    x = w.p(w.a, "min:" + w.a.portfolios[r.randrange(2)])
    y = w.p(w.b, "min:" + w.b.portfolios[r.randrange(2)])
    paras = [w.dateline() + f"The session of the intergovernmental commission on economic cooperation between "
             f"{A.name} and {B.name} was held in {A.capital} {w.when(w.day)}. It was co-chaired by "
             f"{w.intro(x)} and {w.intro(y)}.{w.met()}"]
    paras.append(f"The co-chairs reviewed the implementation of the decisions of the previous session and "
                 f"discussed {w.topics()}. {w.filler()}")
    paras.append(f"{_cap(w.again(x))} proposed setting up a joint working group on {r.choice(PORTFOLIOS[x.portfolio])}, "
                 f"and {w.again(y)} supported the initiative. {w.quote(y)}")
    title = w.document("agreement", x, y)
    paras.append(f"At the end of the session, the {title} was signed by {w.intro(x, 0)} and {w.intro(y, 0)}.")
    if r.random() < 0.5:
        planned = w.document("mou", x, y, signed=False)
        paras.append(f"The sides agreed that the {planned} will be signed during the next visit.")
    if r.random() < 0.6:
        pm = w.p(w.a, "pm")
        paras.append(f"On the same day, {w.again(y)} was received by {w.intro(pm)}.{w.met()} {w.relations()}")
    x_, y_ = w.two_topics()
    return f"Intergovernmental commission of {A.name} and {B.name} meets in {A.capital}, agreement on {x_} signed", paras


def _parliament(w: Writer) -> tuple[str, list[str]]:
    """A speaker of parliament receives the other speaker or the ambassador."""
    r, A, B = w.rng, w.A, w.B
    host = w.p(w.a, "speaker")
    guest = w.amb(w.b) if r.random() < 0.5 else None
    guest = guest or w.p(w.b, "speaker")
    paras = [w.dateline() + f"{w.intro(host)} received {w.intro(guest)} {w.when(w.day)}, the press service of the "
             f"{w.a.parliament} reported.{w.met()}"]
    paras.append(f"The sides discussed the development of inter-parliamentary ties and the work of the friendship "
                 f"groups, as well as cooperation in {w.topics(3)}.")
    paras.append(f"{_cap(w.again(host))} stressed that the parliaments can help turn the agreements reached at the "
                 f"highest level into laws and projects. {w.quote(guest)}")
    if r.random() < 0.6:
        fm = w.p(w.a, "fm")
        paras.append(f"On the same day, {w.again(guest)} held a meeting with {w.intro(fm)}.{w.met()} {w.discussed()}")
    return (f"Speaker of {A.poss} {w.a.parliament} receives {B.adj()} {w.role(guest)}, discusses "
            f"inter-parliamentary ties"), paras


KINDS = [(_fm_talks, 2.2), (_reception, 2.0), (_phone, 1.5), (_state_visit, 1.5), (_delegation, 1.5),
         (_consultations, 1.0), (_commission, 1.0), (_parliament, 0.7)]


# ------------------------------------------------------------------ the corpus

def _pair(world: World, rng: random.Random, i: int) -> tuple[Cast, Cast]:
    """The host and guest casts of article i: mostly neighbours on stage, so that pairs recur."""
    stage = world.on_stage(i)
    k = rng.randrange(len(stage))
    r = rng.random()
    if r < 0.7:
        m = k + rng.choice([-1, 1])
    elif r < 0.8:
        m = k + rng.choice([-2, 2])
    else:
        m = rng.randrange(len(stage))
    if not 0 <= m < len(stage) or m == k:
        m = k - 1 if k > 0 else k + 1
    return stage[k], stage[m]


def make_article(world: World, i: int) -> Record:
    """Article i of the world's corpus. Articles are made in order (0, 1, 2 ...): article i depends
    on the seed and on the articles before it (which names are taken), never on those after."""
    rng = world.rng("article", i)
    a, b = _pair(world, rng, i)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    kinds, weights = zip(*KINDS)
    kind = rng.choices(kinds, weights)[0]
    w = Writer(world, rng, a, b, day)
    title, paras = kind(w)
    head = f" date {day.isoformat()}"
    if rng.random() < 0.5:
        author = make_name(world.rng("author", i % 37), rng.choice(["western", a.state.style]), rng.random() < 0.4)
        head += f" By {author.full}" if rng.random() < 0.5 else f"\n\nBy {author.full}"
    target = rng.randint(1700, 3700)
    size = len(head) + len(title) + sum(len(p) + 2 for p in paras)
    for _ in range(12):
        if size >= target:
            break
        extra = w.extra()
        if extra is None or size + len(extra) > 3900:
            break
        paras.append(extra)
        size += len(extra) + 2
    text = "\n\n".join([head, _cap(title), *paras]) + "\n"
    return Record(f"synth-{i:05d}.txt", text, kind.__name__.strip("_"), [p.name.full for p in w.people],
                  w.meetings, w.documents, w.signed)


_WORLDS: dict[int, World] = {}


def _world(seed: int) -> World:
    if seed not in _WORLDS:
        _WORLDS[seed] = World(seed)
    return _WORLDS[seed]


def generate_records(n: int, seed: int = 0) -> list[Record]:
    """The first n articles of the corpus of `seed`, with what each was made with."""
    world = _world(seed)
    return [make_article(world, i) for i in range(n)]


def generate(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """(file name, article text) of the first n articles of the corpus of `seed`."""
    return [(r.name, r.text) for r in generate_records(n, seed)]


def write_corpus(n: int, folder, seed: int = 0) -> list[Path]:
    """Write the first n articles into `folder` (created if missing); returns their paths."""
    return _write(generate_records(n, seed), Path(folder))


def _write(records: list[Record], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for rec in records:
        path = folder / rec.name
        path.write_bytes(rec.text.encode("utf-8"))
        paths.append(path)
    return paths


# ------------------------------------------------------------------ checking kg against it

def stats(records: list[Record]) -> dict:
    """Sizes, and how often people recur."""
    counts: dict[str, int] = {}
    for rec in records:
        for name in rec.people:
            counts[name] = counts.get(name, 0) + 1
    per = sorted(counts.values())
    sizes = [len(r.text.encode("utf-8")) for r in records]
    return {"people": len(counts), "people_per_article": len(counts) / max(1, len(records)),
            "appearances_median": per[len(per) // 2] if per else 0,
            "appearances_3_to_10": sum(1 for c in per if 3 <= c <= 10) / max(1, len(per)),
            "mean_bytes": sum(sizes) / max(1, len(sizes)), "min_bytes": min(sizes, default=0),
            "max_bytes": max(sizes, default=0)}


def check(records: list[Record], paths: list[Path]) -> dict:
    """Extract the written articles with kg (one core, CPU time) and compare with what was made."""
    from kg.build import extract_corpus
    from kg.lexicon import load_lexicon

    lexicon = load_lexicon(LEXICON_DIR)
    started = time.process_time()
    corpus, skipped = extract_corpus(paths, lexicon, print)
    seconds = time.process_time() - started
    by_id = {f.article: f for f in corpus}
    recall, missing, no_meeting, no_docs, docs_found, docs_made = [], [], [], [], 0, 0
    for rec in records:
        facts = by_id.get(Path(rec.name).stem)
        if facts is None:
            continue
        found = {p.name for p in facts.people}
        recall.append(sum(1 for n in rec.people if n in found) / max(1, len(rec.people)))
        missing += [(rec.name, n) for n in rec.people if n not in found]
        if rec.meetings and not facts.meetings:
            no_meeting.append(rec.name)
        if rec.signed and not facts.documents:
            no_docs.append(rec.name)
        titles = {d.title for d in facts.documents}
        docs_made += len(rec.documents)
        docs_found += sum(1 for t in rec.documents if t in titles)
    return {"articles": len(records), "skipped": skipped, "ms_per_article": 1000 * seconds / max(1, len(corpus)),
            "people_recall": sum(recall) / max(1, len(recall)),
            "articles_below_90": sum(1 for x in recall if x < 0.9),
            "no_meeting": no_meeting, "no_documents": no_docs, "missing": missing,
            "document_titles_found": docs_found / max(1, docs_made)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus of diplomatic news articles.")
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="folder to write synth-NNNNN.txt into (created if missing)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check", action="store_true", help="then extract them with kg and report what it found")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    started = time.perf_counter()
    records = generate_records(args.n, args.seed)
    seconds = time.perf_counter() - started
    paths = _write(records, args.outdir)
    if not records:
        return 0
    s = stats(records)
    print(f"{args.n} articles written to {args.outdir} in {seconds:.2f} s; mean {s['mean_bytes']:.0f} bytes "
          f"({s['min_bytes']}-{s['max_bytes']}); {s['people']} people ({s['people_per_article']:.2f} per article), "
          f"median {s['appearances_median']} articles each")
    if args.check:
        c = check(records, paths)
        print(f"kg: {c['ms_per_article']:.1f} ms CPU per article; people found with the right name "
              f"{100 * c['people_recall']:.1f}% (articles under 90%: {c['articles_below_90']}); "
              f"document titles found {100 * c['document_titles_found']:.1f}%; articles without a meeting "
              f"{len(c['no_meeting'])}, signings without documents {len(c['no_documents'])}, skipped "
              f"{len(c['skipped'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
