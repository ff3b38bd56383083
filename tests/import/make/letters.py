"""The letters of the import corpus, written for missive's tests (fictional organisations,
people and events; no published letter is copied). Each producer script renders some of
them as Word files or web pages; `expect.py` derives from the same spec what a correct
import must find, so a document and its expectation never drift apart.

Inline text uses a small markup: *emphasis*, **strong**, [text](https://address) and
[^n] for a reference to note n (numbered in order of first reference).
"""

from dataclasses import dataclass, field


@dataclass
class P:
    """A body paragraph."""
    text: str


@dataclass
class H:
    """A section heading."""
    text: str
    level: int = 2


@dataclass
class UL:
    """A bulleted list; an item may be (text, [sub-items])."""
    items: list


@dataclass
class OL:
    """A numbered list."""
    items: list
    start: int = 1


@dataclass
class Q:
    """A block quotation."""
    text: str


@dataclass
class T:
    """A data table: the first row is its header."""
    rows: list


@dataclass
class Person:
    name: str
    title: str = ""
    organization: str = ""


@dataclass
class Letter:
    id: str
    lang: str
    date: str          # as written in the letter
    iso: str           # the same date, ISO 8601
    to: list           # addressee blocks: lists of lines, name first
    salutation: str
    body: list
    closing: str
    signatories: list
    notes: dict = field(default_factory=dict)
    place: str = ""    # written before the date ("Geneva, 4 June 2021")
    letterhead: list = field(default_factory=list)
    reference: str = ""
    subject: str = ""
    cc: list = field(default_factory=list)
    enclosures: list = field(default_factory=list)
    postscript: str = ""
    title: str = ""    # the page or document title (not part of the letter)

    def date_line(self):
        return f"{self.place}, {self.date}" if self.place else self.date


LETTERS = [
    Letter(
        id="prisons-en",
        lang="en",
        title="Letter to the Minister of Justice on conditions in remand prisons",
        letterhead=["Coastal Rights Watch", "14 Harbour Street, Port Elizabeth 6001",
                    "Tel +27 41 555 0199", "info@coastalrights.example"],
        date="12 May 2022", iso="2022-05-12",
        reference="CRW/2022/031",
        to=[["Hon. Thandiwe Mokoena", "Minister of Justice and Correctional Services",
             "Private Bag X276", "Pretoria 0001"]],
        subject="Conditions of detention in the Eastern Cape remand prisons",
        salutation="Dear Minister Mokoena,",
        body=[
            P("We write to share the findings of our visits to four remand facilities in the "
              "Eastern Cape between January and March 2022, and to ask for your urgent "
              "intervention.[^1] People awaiting trial, who are presumed innocent, are held in "
              "cells at more than twice their capacity, often for longer than the sentence they "
              "would face if convicted."),
            H("Overcrowding and access to health care"),
            P("In the largest facility we visited, 212 people shared space built for 96.[^2] "
              "Detainees told us that they sleep in shifts and that a request to see a nurse can "
              "take three weeks to be answered. The *Correctional Services Act* requires an "
              "assessment within a day of admission.[^3]"),
            P("We documented the following problems in every facility:"),
            UL(["no separation of children from adults during the day;",
                "water cut off for up to eighteen hours at a time;",
                ("no record of medical requests, in particular:",
                 ["requests for tuberculosis screening;", "requests for mental health care."])]),
            H("Our recommendations"),
            P("We respectfully ask your ministry to:"),
            OL(["publish monthly occupancy figures for every remand facility;",
                "review the cases of all detainees held for more than two years without trial;",
                "allow independent monitors to visit without prior notice."]),
            P("The [Judicial Inspectorate](https://inspectorate.example.org/reports) has made "
              "similar recommendations since 2019.[^4] We would welcome the opportunity to "
              "discuss our findings with your office and will share our full report on request."),
        ],
        notes={
            "1": "Coastal Rights Watch, *Waiting for Justice: Remand Detention in the Eastern "
                 "Cape*, May 2022, https://coastalrights.example/reports/waiting.",
            "2": "Interview with the head of the facility, 14 February 2022.",
            "3": "Correctional Services Act, section 6(5).",
            "4": "Judicial Inspectorate for Correctional Services, Annual Report 2019/20, p. 41.",
        },
        closing="Yours sincerely,",
        signatories=[Person("Nomvula Dube", "Executive Director", "Coastal Rights Watch"),
                     Person("Pieter van Wyk", "Head of Legal Programmes", "Coastal Rights Watch")],
        cc=["Commissioner of Correctional Services", "Portfolio Committee on Justice"],
    ),
    Letter(
        id="platform-en",
        lang="en",
        title="Joint letter to Streamline Media on content moderation in the region",
        date="March 3, 2023", iso="2023-03-03",
        to=[["Ms. Jordan Hale", "Chief Executive Officer", "Streamline Media Inc.",
             "500 Market Street", "San Francisco, CA 94105"]],
        salutation="Dear Ms. Hale,",
        body=[
            P("We, the undersigned organizations, write to express our concern about the "
              "removal of thousands of posts documenting human rights abuses in the region "
              "since January.[^1] Many of the removed posts are evidence that investigators and "
              "courts will need."),
            P("Our members have reported that appeals are answered by automated messages, if at "
              "all, and that accounts of journalists were suspended without explanation.[^2] "
              "This is inconsistent with your own **Community Standards**, which promise human "
              "review of every appeal.[^3]"),
            H("What we ask"),
            UL(["Preserve removed content that may be evidence of crimes, and share it with "
                "investigators under clear safeguards.",
                "Publish data on removals and appeals for the region, every quarter.",
                "Meet with the undersigned organizations before the end of April."]),
            P("We look forward to your reply. Please write to "
              "[coalition@rightsdigital.example](mailto:coalition@rightsdigital.example)."),
        ],
        notes={
            "1": "Rights Digital, *Erased*, February 2023, https://rightsdigital.example/erased.",
            "2": "Testimonies collected by the signatories, January–February 2023.",
            "3": "Streamline Media, Community Standards, section 4.2 (accessed March 1, 2023).",
        },
        closing="Sincerely,",
        signatories=[Person("Amara Okafor", "Director", "Rights Digital"),
                     Person("Lucía Benítez", "Coordinator", "Red de Periodistas Libres"),
                     Person("Tomasz Nowak", "President", "Open Archive Foundation")],
        cc=["Board of Directors, Streamline Media Inc."],
    ),
    Letter(
        id="desaparecidos-es",
        lang="es",
        title="Carta a la Secretaria de Gobernación sobre la búsqueda de personas desaparecidas",
        place="Ciudad de México", date="4 de junio de 2021", iso="2021-06-04",
        to=[["Lic. Rosa María Cárdenas", "Secretaria de Gobernación",
             "Abraham González 48, Col. Juárez", "Ciudad de México"]],
        subject="Fortalecimiento de la Comisión Nacional de Búsqueda",
        salutation="Estimada Secretaria Cárdenas:",
        body=[
            P("Nos dirigimos a usted para expresar nuestra preocupación por la reducción del "
              "presupuesto de la Comisión Nacional de Búsqueda, anunciada el pasado mes de "
              "abril.[^1] Más de noventa mil personas siguen desaparecidas en el país, y sus "
              "familias realizan la mayor parte de las búsquedas por sus propios medios."),
            H("La situación de las familias buscadoras"),
            P("Las madres y hermanas que buscan a sus seres queridos enfrentan amenazas y "
              "agresiones. Desde 2020 hemos registrado el asesinato de al menos once personas "
              "buscadoras.[^2] Ninguno de estos casos ha llegado a una sentencia."),
            Q("«No buscamos culpables, buscamos a nuestros hijos», nos dijo una integrante de "
              "un colectivo de Sonora."),
            P("Por ello, le solicitamos respetuosamente:"),
            OL(["restituir el presupuesto de la Comisión para el ejercicio 2021;",
                "adoptar un protocolo de protección para las familias buscadoras;",
                "publicar cada trimestre los avances del Registro Nacional de Personas "
                "Desaparecidas."]),
            P("Quedamos a su disposición para una reunión de trabajo."),
        ],
        notes={
            "1": "Diario Oficial de la Federación, 12 de abril de 2021.",
            "2": "Centro de Derechos Humanos del Norte, *Buscar sin miedo*, mayo de 2021.",
        },
        closing="Atentamente,",
        signatories=[Person("María Fernanda Ruiz", "Directora", "Centro de Derechos Humanos del Norte")],
        cc=["Comisión Nacional de Búsqueda"],
    ),
    Letter(
        id="detention-fr",
        lang="fr",
        title="Lettre à la ministre de l'Intérieur sur les centres de rétention",
        letterhead=["Réseau Droits et Exil", "5 rue des Lilas, 75011 Paris", "contact@droitsexil.example"],
        place="Paris", date="3 mars 2023", iso="2023-03-03",
        to=[["Madame la Ministre de l'Intérieur", "Place Beauvau", "75008 Paris"]],
        subject="Conditions de rétention des familles avec enfants",
        salutation="Madame la Ministre,",
        body=[
            P("Nous souhaitons appeler votre attention sur le placement d'enfants en centre de "
              "rétention administrative, qui a concerné au moins 94 mineurs en 2022.[^1] La Cour "
              "européenne des droits de l'homme a condamné la France à neuf reprises pour cette "
              "pratique.[^2]"),
            H("Des conditions incompatibles avec l'intérêt de l'enfant"),
            P("Lors de nos visites, nous avons constaté l'absence d'espaces de jeu, un bruit "
              "permanent et la présence policière constante. Les enfants que nous avons "
              "rencontrés présentaient des troubles du sommeil et de l'alimentation."),
            P("Nous vous demandons en conséquence :"),
            UL(["de mettre fin sans délai au placement des mineurs en rétention ;",
                "de privilégier l'assignation à résidence des familles ;",
                "de publier chaque année le nombre d'enfants concernés."]),
            P("Nous restons à votre disposition pour un entretien."),
        ],
        notes={
            "1": "Rapport inter-associatif sur les centres de rétention, 2023.",
            "2": "CEDH, *A.B. et autres c. France*, n° 11593/12, 12 juillet 2016.",
        },
        closing="Veuillez agréer, Madame la Ministre, l'expression de notre haute considération.",
        signatories=[Person("Claire Martin", "Présidente", "Réseau Droits et Exil")],
        cc=["Défenseure des droits"],
    ),
    Letter(
        id="journalists-ar",
        lang="ar",
        title="رسالة إلى وزير العدل بشأن الصحفيين المحتجزين",
        letterhead=["المرصد العربي لحرية الصحافة", "شارع النيل 22، القاهرة"],
        date="12 مايو 2022", iso="2022-05-12",
        to=[["معالي وزير العدل", "وزارة العدل", "القاهرة"]],
        salutation="معالي الوزير،",
        body=[
            P("نكتب إليكم للتعبير عن قلقنا البالغ إزاء استمرار احتجاز ستة صحفيين منذ أكثر من "
              "عامين دون محاكمة.[^1] وقد وُجّهت إليهم تهم نشر أخبار كاذبة بسبب تقارير تتعلق "
              "بارتفاع الأسعار."),
            H("مطالبنا"),
            OL(["الإفراج الفوري عن الصحفيين المحتجزين بسبب عملهم؛",
                "ضمان حقهم في الاستعانة بمحامين من اختيارهم؛",
                "السماح لأسرهم بزيارتهم بانتظام."]),
            P("إن الحبس الاحتياطي المطوّل يخالف الدستور والتزامات الدولة بموجب العهد الدولي "
              "الخاص بالحقوق المدنية والسياسية.[^2]"),
            P("ونحن على استعداد للقاء مكتبكم في أي وقت."),
        ],
        notes={
            "1": "المرصد العربي لحرية الصحافة، تقرير سنوي، أبريل 2022.",
            "2": "العهد الدولي الخاص بالحقوق المدنية والسياسية، المادة 9.",
        },
        closing="وتفضلوا بقبول فائق الاحترام،",
        signatories=[Person("ليلى حسن", "المديرة التنفيذية", "المرصد العربي لحرية الصحافة")],
    ),
    Letter(
        id="rapporteur-en",
        lang="en",
        title="Submission to the Special Rapporteur on the rights to freedom of peaceful assembly",
        place="Geneva", date="21 September 2021", iso="2021-09-21",
        to=[["Mr. Daniel Ferreira", "Special Rapporteur on the rights to freedom of peaceful "
             "assembly and of association", "Palais des Nations", "CH-1211 Geneva 10"]],
        reference="ASM/2021/118",
        salutation="Dear Mr. Ferreira,",
        body=[
            P("Further to our meeting on 14 September, please find enclosed our submission on "
              "the dispersal of peaceful protests in the capital during the summer.[^1]"),
            P("We draw your attention in particular to the use of tear gas in enclosed spaces "
              "and to the detention of 43 students, who were held for up to five days without "
              "access to a lawyer.[^2]"),
            P("We would be grateful if you could raise these cases with the government in a "
              "communication."),
        ],
        notes={
            "1": "Assembly Monitor, *Summer of Dispersals*, September 2021.",
            "2": "Lists of detainees compiled by the Bar Association, on file with the authors.",
        },
        closing="Yours sincerely,",
        signatories=[Person("Ingrid Solberg", "Advocacy Director", "Assembly Monitor")],
        cc=["Office of the High Commissioner for Human Rights"],
        enclosures=["Submission (12 pages)", "List of detainees"],
        postscript="The annexed list of detainees is confidential; please do not publish it.",
    ),
    Letter(
        id="execution-en",
        lang="en",
        title="Letter to Governor Whitaker urging clemency for Marcus Bell",
        date="October 17, 2022", iso="2022-10-17",
        to=[["The Honorable Ellen Whitaker", "Governor of the State", "State Capitol",
             "Suite 200", "Jefferson City, MO 65101"]],
        subject="Request for clemency for Marcus Bell",
        salutation="Dear Governor Whitaker,",
        body=[
            P("We write to urge you to grant clemency to Marcus Bell, who is scheduled to be "
              "executed on November 8.[^1] Mr. Bell was nineteen at the time of the crime, and "
              "his trial lawyer presented no evidence of the severe abuse he suffered as a "
              "child.[^2]"),
            H("New evidence"),
            P("Since his trial, two witnesses have recanted their testimony, and a forensic "
              "review has found that the firearms analysis relied on at trial was unreliable.[^3]"),
            H("International standards"),
            P("The death penalty is the ultimate cruel, inhuman and degrading punishment. The "
              "United Nations General Assembly has repeatedly called for a moratorium on its "
              "use.[^4]"),
            P("We respectfully ask you to commute Mr. Bell's sentence."),
        ],
        notes={
            "1": "State Supreme Court, order setting execution date, August 30, 2022.",
            "2": "Declaration of Dr. Ruth Ames, clinical psychologist, September 2022.",
            "3": "Forensic Review Panel, report of October 3, 2022.",
            "4": "UN General Assembly resolution 75/183, December 16, 2020.",
        },
        closing="Respectfully,",
        signatories=[Person("James O'Connor", "Director, Death Penalty Project", "Justice Now Alliance")],
    ),
    Letter(
        id="coalition-es",
        lang="es",
        title="Carta abierta al Congreso sobre la ley de organizaciones civiles",
        place="Guatemala", date="15 de marzo de 2022", iso="2022-03-15",
        to=[["Honorables diputadas y diputados", "Congreso de la República", "Guatemala"]],
        salutation="Honorables diputadas y diputados:",
        body=[
            P("Las organizaciones abajo firmantes nos dirigimos a ustedes para solicitar que "
              "rechacen la iniciativa 5257, que permitiría cancelar el registro de "
              "organizaciones que, a juicio del Ejecutivo, alteren el orden público.[^1]"),
            P("La iniciativa es incompatible con la libertad de asociación protegida por la "
              "Constitución y por la Convención Americana sobre Derechos Humanos.[^2]"),
            P("Les pedimos que escuchen a la sociedad civil antes de cualquier votación."),
        ],
        notes={
            "1": "Congreso de la República, iniciativa 5257, 2022.",
            "2": "Convención Americana sobre Derechos Humanos, artículo 16.",
        },
        closing="Atentamente,",
        signatories=[Person("Ana Lucía Pérez", "Directora", "Acción Ciudadana por la Transparencia"),
                     Person("Jorge Mendoza", "Coordinador", "Colectivo de Abogados Independientes")],
    ),
    Letter(
        id="commissioner-en",
        lang="en",
        title="Letter to the European Commissioner for Home Affairs on border pushbacks",
        place="Brussels", date="9 February 2023", iso="2023-02-09",
        to=[["Ms. Helena Kovač", "European Commissioner for Home Affairs",
             "Rue de la Loi 200", "1049 Brussels"]],
        subject="Pushbacks at the Union's external borders",
        salutation="Dear Commissioner,",
        body=[
            P("We are writing to you about the continued reports of violent pushbacks at the "
              "Union's external borders, which our partners documented throughout 2022.[^1]"),
            P("The Commission has the power to open infringement proceedings. We urge you to use "
              "it, and to make future funding for border management conditional on an "
              "independent monitoring mechanism.[^2]"),
            P("We would welcome a meeting with your cabinet."),
        ],
        notes={
            "1": "Border Violence Monitoring Network, annual report 2022.",
            "2": "Treaty on the Functioning of the European Union, article 258.",
        },
        closing="Kind regards,",
        signatories=[Person("Sofia Lindqvist", "Director", "Europe Rights Platform")],
    ),
    Letter(
        id="supplier-fr",
        lang="fr",
        title="Lettre au président-directeur général de Textiles Lumière",
        place="Lyon", date="le 1er février 2022", iso="2022-02-01",
        to=[["Monsieur Bernard Lefèvre", "Président-directeur général", "Textiles Lumière SA",
             "12 quai Saint-Antoine", "69002 Lyon"]],
        subject="Devoir de vigilance dans votre chaîne d'approvisionnement",
        salutation="Monsieur le Président,",
        body=[
            P("Nous vous écrivons au sujet des conditions de travail dans les ateliers de vos "
              "fournisseurs, documentées par notre enquête publiée en janvier.[^1]"),
            P("La loi relative au devoir de vigilance impose à votre société d'identifier et de "
              "prévenir ces atteintes.[^2] Votre plan de vigilance ne mentionne pourtant aucun "
              "de ces ateliers."),
            P("Nous vous serions reconnaissants de nous faire connaître les mesures envisagées."),
        ],
        notes={
            "1": "Collectif Éthique sur l'étiquette, *Fil rouge*, janvier 2022.",
            "2": "Loi n° 2017-399 du 27 mars 2017.",
        },
        closing="Nous vous prions d'agréer, Monsieur le Président, l'expression de nos salutations distinguées.",
        signatories=[Person("Julien Moreau", "Délégué général", "Collectif Éthique sur l'étiquette")],
    ),
    Letter(
        id="activists-ru",
        lang="ru",
        title="Письмо Генеральному прокурору о задержании активистов",
        date="15 апреля 2022", iso="2022-04-15",
        to=[["Генеральному прокурору", "г. Москва, ул. Большая Дмитровка, 15а"]],
        salutation="Уважаемый господин Генеральный прокурор!",
        body=[
            P("Мы обращаемся к вам в связи с задержанием двенадцати участников мирной акции "
              "10 апреля.[^1] Задержанным не предоставили возможность связаться с адвокатами."),
            H("Наши требования"),
            UL(["освободить всех задержанных за мирный протест;",
                "провести проверку действий сотрудников полиции."]),
            P("Просим сообщить о принятых мерах."),
        ],
        notes={"1": "Сведения правозащитного центра «Мемориал-Север», апрель 2022."},
        closing="С уважением,",
        signatories=[Person("Анна Иванова", "Председатель", "Правозащитный центр «Свобода»")],
    ),
    Letter(
        id="labour-zh",
        lang="zh",
        title="致劳动部部长的公开信",
        date="2022年6月8日", iso="2022-06-08",
        to=[["劳动部部长", "北京市"]],
        salutation="尊敬的部长：",
        body=[
            P("我们写信表达对建筑工人欠薪问题的关切。[^1]据我们统计，仅去年一年就有超过两千名工人未能领取工资。"),
            H("我们的建议"),
            OL(["建立工资保证金制度；", "设立统一的投诉热线。"]),
            P("期待您的回复。"),
        ],
        notes={"1": "劳工权益中心，《年度报告》，2022年5月。"},
        closing="此致敬礼",
        signatories=[Person("王明", "主任", "劳工权益中心")],
    ),
]


def by_id(letter_id):
    """The letter with this id."""
    for letter in LETTERS:
        if letter.id == letter_id:
            return letter
    raise KeyError(letter_id)


# --- Inline markup ----------------------------------------------------------------------

def inline(text):
    """Parses the inline markup into pieces: ("text", s, fmt), ("link", url, pieces),
    ("note", n). fmt is a frozenset of "b" and "i"."""
    return _parse(text, frozenset())


def _parse(text, fmt):
    out = []
    i = 0
    plain = ""

    def flush():
        nonlocal plain
        if plain:
            out.append(("text", plain, fmt))
            plain = ""

    while i < len(text):
        if text.startswith("[^", i):
            end = text.index("]", i)
            flush()
            out.append(("note", text[i + 2:end]))
            i = end + 1
        elif text.startswith("**", i):
            end = text.index("**", i + 2)
            flush()
            out.extend(_parse(text[i + 2:end], fmt | {"b"}))
            i = end + 2
        elif text[i] == "*":
            end = text.index("*", i + 1)
            flush()
            out.extend(_parse(text[i + 1:end], fmt | {"i"}))
            i = end + 1
        elif text[i] == "[" and "](" in text[i:]:
            close = text.index("](", i)
            end = text.index(")", close)
            flush()
            out.append(("link", text[close + 2:end], _parse(text[i + 1:close], fmt)))
            i = end + 1
        else:
            plain += text[i]
            i += 1
    flush()
    return out


def plain(text):
    """The text without markup, notes left out."""
    result = []
    for piece in inline(text):
        if piece[0] == "text":
            result.append(piece[1])
        elif piece[0] == "link":
            result.append("".join(p[1] for p in piece[2] if p[0] == "text"))
    return "".join(result)


def note_order(letter):
    """Note numbers in order of first reference in the body."""
    order = []

    def walk(pieces):
        for piece in pieces:
            if piece[0] == "note" and piece[1] not in order:
                order.append(piece[1])
            elif piece[0] == "link":
                walk(piece[2])

    for block in letter.body:
        for text in block_texts(block):
            walk(inline(text))
    return order


def block_texts(block):
    """Every inline text of a block."""
    if isinstance(block, (P, H, Q)):
        return [block.text]
    if isinstance(block, (UL, OL)):
        out = []
        for item in block.items:
            if isinstance(item, tuple):
                out.append(item[0])
                out.extend(item[1])
            else:
                out.append(item)
        return out
    if isinstance(block, T):
        return [cell for row in block.rows for cell in row]
    return []


def list_items(letter):
    """The plain text of every list item, in order, nested ones after their parent."""
    out = []
    for block in letter.body:
        if isinstance(block, (UL, OL)):
            out.extend(plain(t) for t in block_texts(block))
    return out
