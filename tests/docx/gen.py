#!/usr/bin/env python3
"""Makes the .docx fixtures under tests/fixtures/docx/ (run from the repo root:
`pip install python-docx && python3 tests/docx/gen.py`).

python-docx writes the package, styles and plain paragraphs; what it cannot express
(numbering definitions, tracked changes, fields, content controls, alternate content)
is written as raw WordprocessingML. Each positive fixture NAME.docx has a twin NAME.txt
that is what Word shows, one paragraph a line; tests/docx.rs checks that both plan to
the same slides. The bad/ folder holds files that must fail with a clear error (the OLE
ones, encrypted and old .doc/.wps, are made by the Rust test with the cfb crate).

Output is deterministic: fixed dates in the package and in the zip entries.
"""

import datetime
import io
import os
import struct
import zipfile
import zlib

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "docx")
BAD = os.path.join(OUT, "bad")

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def elements(xml):
    """Raw WordprocessingML (one or more elements) as lxml elements."""
    wrap = etree.fromstring(f"<w:wrap {NS}>{xml}</w:wrap>")
    return list(wrap)


def add_block(doc, xml):
    """Appends block-level XML (paragraphs, tables, content controls) to the body."""
    sect = doc.element.body.find(qn("w:sectPr"))
    for el in elements(xml):
        sect.addprevious(el)


def run(text, props=""):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}<w:t{space}>{text}</w:t></w:r>"


def para(inner, ppr=""):
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def numpr(num_id, ilvl=0):
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def lvl(ilvl, fmt, text, suff=None, start=1, extra=""):
    s = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{extra}{s}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def add_numbering(doc, abstracts, nums):
    """abstracts: {id: [lvl xml]}, nums: {numId: (abstractId, override xml)}."""
    root = doc.part.numbering_part.element
    first_num = root.find(qn("w:num"))
    for aid, levels in abstracts.items():
        xml = f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
        for el in elements(xml):
            if first_num is not None:
                first_num.addprevious(el)
            else:
                root.append(el)
    for nid, (aid, override) in nums.items():
        for el in elements(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'):
            root.append(el)


def style_numbering(doc, name, num_id, ilvl=None):
    ppr = doc.styles[name].element.get_or_add_pPr()
    lv = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    for el in elements(f'<w:numPr>{lv}<w:numId w:val="{num_id}"/></w:numPr>'):
        ppr.insert(0, el)


def new_doc():
    doc = docx.Document()
    fixed = datetime.datetime(2024, 3, 15, 9, 0, 0)
    doc.core_properties.created = fixed
    doc.core_properties.modified = fixed
    doc.core_properties.last_modified_by = "lectern"
    doc.core_properties.author = "lectern"
    return doc


def save(doc, name, twin):
    buf = io.BytesIO()
    doc.save(buf)
    write_zip(os.path.join(OUT, name + ".docx"), read_zip(buf.getvalue()))
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(twin)


def read_zip(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def write_zip(path, entries, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 15, 9, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def title(doc, text, style="Title"):
    doc.add_paragraph(text, style=style)


# 1. Headings numbered through their styles (Heading 1/2 and a style based on
#    Heading 2), with WPS-like style ids so only w:name says which is which.
def styles_numbering():
    doc = new_doc()
    doc.styles["Heading 1"].style_id = "10"
    doc.styles["Heading 2"].style_id = "20"
    add_numbering(
        doc,
        {100: [
            lvl(0, "chineseCounting", "%1、", "nothing", extra='<w:pStyle w:val="10"/>'),
            lvl(1, "chineseCounting", "（%2）", "nothing", extra='<w:pStyle w:val="20"/>'),
            lvl(2, "decimal", "%3.", "space"),
        ]},
        {101: (100, "")},
    )
    style_numbering(doc, "Heading 1", 101)
    style_numbering(doc, "Heading 2", 101, ilvl=1)
    from docx.enum.style import WD_STYLE_TYPE
    part = doc.styles.add_style("讲稿小节", WD_STYLE_TYPE.PARAGRAPH)
    part.base_style = doc.styles["Heading 2"]
    part.element.set(qn("w:styleId"), "a7")
    lines = []

    def p(text, style=None, shown=None):
        doc.add_paragraph(text, style=style)
        lines.append(shown if shown is not None else text)

    p("专题党课：强化创新驱动，加快发展新质生产力", "Title")
    p("——在局机关党员大会上的讲话")
    p("（2024年3月15日）")
    p("同志们：")
    p("按照局党组工作安排，今天我给大家讲一堂党课，与大家共同探讨如何发展新质生产力。")
    p("学深悟透、把准方向，切实增强战略主动", "Heading 1", "一、学深悟透、把准方向，切实增强战略主动")
    p("高质量发展的新实践，需要新的生产力理论来指导。")
    p(
        "聚焦“两个大局”，准确把握重要着力点。第一，生产力是大国博弈的胜负手。新质生产力的本质是先进生产力。第二，创新是引领发展的源动力。要突围破局，唯有向“新”而行。第三，发展是解决一切问题的总钥匙。",
        "Heading 2",
        "（一）聚焦“两个大局”，准确把握重要着力点。第一，生产力是大国博弈的胜负手。新质生产力的本质是先进生产力。第二，创新是引领发展的源动力。要突围破局，唯有向“新”而行。第三，发展是解决一切问题的总钥匙。",
    )
    p("聚焦源头本质，准确把握必然路径。培育新质生产力，从根本上来讲是发展方式变革。", "讲稿小节",
      "（二）聚焦源头本质，准确把握必然路径。培育新质生产力，从根本上来讲是发展方式变革。")
    p("乘势而上、塑造变革，加快形成崭新局面", "Heading 1", "二、乘势而上、塑造变革，加快形成崭新局面")
    p("顺应科技创新大势，激活主引擎。提升科技创新实力是先决条件。", "Heading 2",
      "（一）顺应科技创新大势，激活主引擎。提升科技创新实力是先决条件。")
    # A body paragraph numbered at level 3 of the same list, directly.
    add_block(doc, para(run("加强基础研究。要久久为功。"), numpr(101, 2)))
    lines.append("1. 加强基础研究。要久久为功。")
    add_block(doc, para(run("强化成果转化。要打通堵点。"), numpr(101, 2)))
    lines.append("2. 强化成果转化。要打通堵点。")
    p("谢谢大家！")
    save(doc, "styles_numbering", "\n".join(lines))


# 2. Paragraphs numbered directly, five levels in the formats Chinese documents use, a
#    restart through startOverride and numId 0 over a numbered style.
def direct_numbering():
    doc = new_doc()
    add_numbering(
        doc,
        {
            200: [
                lvl(0, "chineseCountingThousand", "%1、"),
                lvl(1, "taiwaneseCountingThousand", "（%2）"),
                lvl(2, "decimalFullWidth", "%3．"),
                lvl(3, "decimalEnclosedParen", "%4", "space"),
                lvl(4, "decimalEnclosedCircle", "%5", "nothing"),
            ],
            210: [lvl(0, "decimal", "%1.")],
        },
        {
            201: (200, ""),
            211: (210, ""),
            212: (210, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
        },
    )
    from docx.enum.style import WD_STYLE_TYPE
    numbered = doc.styles.add_style("编号段落", WD_STYLE_TYPE.PARAGRAPH)
    numbered.element.set(qn("w:styleId"), "a9")
    style_numbering(doc, "编号段落", 211)
    lines = []

    def p(text, num=None, shown=None, style=None):
        ppr = numpr(*num) if num else ""
        if style:
            ppr = f'<w:pStyle w:val="{style}"/>' + ppr
        add_block(doc, para(run(text), ppr))
        lines.append(shown if shown is not None else text)

    p("在全市组织工作会议上的讲话")
    p("同志们：")
    p("这次会议的主要任务是总结工作、部署任务。")
    p("提高政治站位，深刻认识组织工作的重要意义", (201, 0), "一、提高政治站位，深刻认识组织工作的重要意义")
    p("组织工作是党的建设的重要组成部分。")
    p("强化理论武装。要把学习贯彻作为首要任务。", (201, 1), "（一）强化理论武装。要把学习贯彻作为首要任务。")
    p("坚持读原著学原文。", (211, 0), "1. 坚持读原著学原文。")
    p("坚持联系实际。", (211, 0), "2. 坚持联系实际。")
    p("建强基层组织。要抓基层打基础。", (201, 1), "（二）建强基层组织。要抓基层打基础。")
    p("选优配强带头人。", (212, 0), "1. 选优配强带头人。")
    p("完善激励机制。", (212, 0), "2. 完善激励机制。")
    p("这一段落的样式带编号，但段落本身取消了编号。", (0, 0), style="a9")
    p("抓好队伍建设，锻造过硬干部队伍", (201, 0), "二、抓好队伍建设，锻造过硬干部队伍")
    p("树立正确用人导向。", (201, 1), "（一）树立正确用人导向。")
    p("突出政治标准。", (201, 2), "１．突出政治标准。")
    p("把好政治关。", (201, 3), "⑴ 把好政治关。")
    p("严格考察程序。", (201, 4), "①严格考察程序。")
    p("谢谢大家！")
    save(doc, "direct_numbering", "\n".join(lines))


# 3. A 第%1条 list under 一、 parts that does not restart (lvlRestart 0), past 十.
def articles():
    doc = new_doc()
    add_numbering(
        doc,
        {300: [
            lvl(0, "chineseCounting", "%1、", "nothing"),
            lvl(1, "chineseCountingThousand", "第%2条", "space", extra='<w:lvlRestart w:val="0"/>'),
        ]},
        {301: (300, "")},
    )
    lines = ["关于加强机关学习制度建设的说明", "同志们："]
    doc.add_paragraph(lines[0])
    doc.add_paragraph(lines[1])
    n = 0
    for part, (head, count) in enumerate([("总则", 4), ("学习内容", 5), ("考核", 3)]):
        add_block(doc, para(run(f"{head}部分的规定"), numpr(301, 0)))
        lines.append("一二三"[part] + f"、{head}部分的规定")
        for _ in range(count):
            n += 1
            text = f"本条规定第{n}项学习要求，各支部遵照执行。"
            add_block(doc, para(run(text), numpr(301, 1)))
            cn = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][n]
            lines.append(f"第{cn}条 {text}")
    doc.add_paragraph("谢谢大家！")
    lines.append("谢谢大家！")
    save(doc, "articles", "\n".join(lines))


# 4. Tracked changes: insertions kept, deletions dropped, moves read at their new place,
#    a deleted paragraph mark joins two paragraphs, a deleted heading is not counted.
def tracked_changes():
    doc = new_doc()
    add_numbering(doc, {400: [lvl(0, "chineseCounting", "%1、", "nothing")]}, {401: (400, "")})
    au = 'w:id="{}" w:author="审稿人" w:date="2024-03-15T09:00:00Z"'
    ids = iter(range(1, 100))

    def ins(text):
        return f"<w:ins {au.format(next(ids))}>{run(text)}</w:ins>"

    def dele(text):
        return f'<w:del {au.format(next(ids))}><w:r><w:delText>{text}</w:delText></w:r></w:del>'

    lines = []
    add_block(doc, para(run("党风廉政建设专题党课")))
    lines.append("党风廉政建设专题党课")
    add_block(doc, para(run("同志们：")))
    lines.append("同志们：")
    add_block(doc, para(run("今天") + dele("我简单") + ins("我们集中") + run("讲三个问题。")))
    lines.append("今天我们集中讲三个问题。")
    add_block(doc, para(run("深化思想认识"), numpr(401)))
    lines.append("一、深化思想认识")
    # A paragraph whose text and mark were deleted, then the paragraph it joins.
    deleted_mark = f'<w:rPr><w:del {au.format(next(ids))}/></w:rPr>'
    add_block(doc, para(run("要") + dele("深刻"), deleted_mark))
    lines.append("")
    add_block(doc, para(run("把纪律挺在前面。")))
    lines.append("要把纪律挺在前面。")
    # A whole numbered heading deleted: it takes no number.
    add_block(doc, para(dele("被删除的一级标题"), numpr(401) + deleted_mark))
    lines.append("")
    add_block(doc, para("", numpr(401) + f"<w:rPr><w:del {au.format(next(ids))}/></w:rPr>"))
    lines.append("")
    add_block(doc, para(run("严明") + ins("政治") + run("纪律"), numpr(401)))
    lines.append("二、严明政治纪律")
    move = 'w:id="{}" w:author="审稿人" w:date="2024-03-15T09:00:00Z" w:name="move1"'
    add_block(doc, para(
        f'<w:moveFrom {move.format(next(ids))}>{run("（移走的句子）")}</w:moveFrom>' + run("纪律是党的生命线。")))
    lines.append("纪律是党的生命线。")
    add_block(doc, para(run("遵守纪律没有特权。") + f'<w:moveTo {move.format(next(ids))}>{run("（移走的句子）")}</w:moveTo>'))
    lines.append("遵守纪律没有特权。（移走的句子）")
    add_block(doc, para(ins("新插入的一段话。")))
    lines.append("新插入的一段话。")
    add_block(doc, para(run("谢谢大家！")))
    lines.append("谢谢大家！")
    save(doc, "tracked_changes", "\n".join(lines))


# 5. One heading split over many runs, tabs and line breaks, fields (result kept,
#    code dropped, a table of contents left out), content controls (read through; a
#    placeholder prompt left out), alternate content read once, hidden text, a text box.
def runs_fields_controls():
    doc = new_doc()
    lines = []

    def fld(code, result):
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{result}"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    # A table of contents over two paragraphs: Word shows it, the deck must not.
    add_block(doc, para(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("一、坚定理想信念\t2")))
    add_block(doc, para(run("二、勇于担当作为\t3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    lines += ["", ""]
    add_block(doc, para(run("坚定理想信念") + run("　勇于担当作为", "<w:b/>")))
    lines.append("坚定理想信念　勇于担当作为")
    add_block(doc, para(fld('DATE \\@ "yyyy年M月d日"', run("2024年3月15日"))))
    lines.append("2024年3月15日")
    sdt = lambda inner, pr="": f"<w:sdt><w:sdtPr>{pr}<w:alias w:val=\"正文\"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    add_block(doc, sdt(para(run("同志们：")) + para(run("今天的党课分两个部分。") + fld("PAGE", run("1")) + run("页为提纲。"))))
    lines += ["同志们：", "今天的党课分两个部分。1页为提纲。"]
    add_block(doc, sdt(para(run("单击或点击此处输入文字。")), "<w:showingPlcHdr/>"))
    lines.append("")
    # 一、 typed by hand and split into runs of different formatting, with a content
    # control around part of the heading.
    add_block(doc, para(
        run("一", "<w:b/>") + run("、", "<w:b/>") + run("坚定", '<w:color w:val="C00000"/>')
        + f'<w:sdt><w:sdtPr/><w:sdtContent>{run("理想")}</w:sdtContent></w:sdt>' + run("信念") + run("，") + run("筑牢思想根基")))
    lines.append("一、坚定理想信念，筑牢思想根基")
    add_block(doc, para(run("理想信念是共产党人精神上的“钙”。") + '<w:r><w:br/><w:t>没有理想信念，就会得“软骨病”。</w:t><w:tab/><w:t>Party</w:t><w:br/><w:t>School</w:t></w:r>'))
    lines.append("理想信念是共产党人精神上的“钙”。没有理想信念，就会得“软骨病”。 Party School")
    hidden = run("（此句隐藏）", "<w:vanish/>")
    alt = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>新版</w:t></mc:Choice>'
        '<mc:Fallback><w:t>兼容</w:t></mc:Fallback></mc:AlternateContent></w:r>'
    )
    add_block(doc, para(run("（一）学习") + alt + run("教材。") + hidden + run("要学深悟透。")))
    lines.append("（一）学习兼容教材。要学深悟透。")
    box = (
        '<w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
        + para(run("文本框里的话。"))
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    add_block(doc, para(run("（二）勇于担当作为。") + box + run("要敢于斗争。")))
    lines += ["（二）勇于担当作为。要敢于斗争。", "文本框里的话。"]
    add_block(doc, para(run("谢谢大家！")))
    lines.append("谢谢大家！")
    save(doc, "runs_fields_controls", "\n".join(lines))


# 6. A table read cell by cell, the title in a centred large paragraph that is not the
#    first, and headings with an outline level but no number.
def table_outline():
    doc = new_doc()
    lines = []
    doc.add_paragraph("内部学习材料")
    t = doc.add_paragraph("推进全面从严治党向纵深发展")
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.runs[0].font.size = Pt(22)
    lines += ["推进全面从严治党向纵深发展", "内部学习材料"]
    for text, style in [
        ("同志们：", None),
        ("下面我讲两点意见。", None),
        ("压实管党治党责任", "Heading 1"),
        ("责任是管党治党的关键。", None),
        ("抓住关键少数。领导干部要以上率下。", "Heading 2"),
        ("各级党组织的任务分工如下表。", None),
    ]:
        doc.add_paragraph(text, style=style)
    lines += ["同志们：", "下面我讲两点意见。", "一、压实管党治党责任", "责任是管党治党的关键。",
              "（一）抓住关键少数。领导干部要以上率下。", "各级党组织的任务分工如下表。"]
    table = doc.add_table(rows=2, cols=2)
    for r, row in enumerate([("单位", "任务"), ("机关党委", "抓好理论学习")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            lines.append(text)
    # An outline level set on the paragraph itself, no heading style.
    p = doc.add_paragraph("严明纪律规矩")
    p._p.get_or_add_pPr().append(elements('<w:outlineLvl w:val="0"/>')[0])
    lines.append("二、严明纪律规矩")
    doc.add_paragraph("纪律严明是党的光荣传统。")
    lines.append("纪律严明是党的光荣传统。")
    doc.add_paragraph("谢谢大家！")
    lines.append("谢谢大家！")
    save(doc, "table_outline", "\n".join(lines))


def png(width, height):
    """An RGB PNG with a colour gradient, written with zlib and struct."""
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in (x * 255 // width, y * 255 // height, 128))
        for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


# 7. Pictures in the body: a small one with alt text in section (一), a 3000x2000 one
#    without alt text in section (二) (the deck scales it down).
def pictures():
    doc = new_doc()
    lines = []
    title(doc, "在理论学习中心组集体学习会上的讲话")
    lines.append("在理论学习中心组集体学习会上的讲话")
    for text in ["同志们：", "今天我讲两个问题。", "一、学习取得的成效", "（一）学习形式更加丰富",
                 "今年我们组织了六次集中学习。"]:
        doc.add_paragraph(text)
        lines.append(text)
    shape = doc.add_picture(io.BytesIO(png(40, 30)))
    shape._inline.docPr.set("descr", "集中学习现场")
    lines.append("集中学习现场")
    doc.add_paragraph("（二）学习规模不断扩大")
    lines.append("（二）学习规模不断扩大")
    doc.add_picture(io.BytesIO(png(3000, 2000)))
    lines.append("")
    for text in ["参加学习的人数逐年增加。", "二、下一步的打算", "要把学习成果转化为工作实效。", "谢谢大家！"]:
        doc.add_paragraph(text)
        lines.append(text)
    save(doc, "pictures", "\n".join(lines))


def bad_files():
    good = read_zip(open(os.path.join(OUT, "articles.docx"), "rb").read())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in good:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 3, 15, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)
    whole = buf.getvalue()
    # Cut short: the central directory is gone.
    open(os.path.join(BAD, "truncated.docx"), "wb").write(whole[: len(whole) // 2])
    # Every byte of the compressed document flipped past its header: inflating fails.
    corrupt = bytearray(whole)
    at = corrupt.find(b"word/document.xml") + len("word/document.xml")
    for i in range(at + 40, at + 240):
        corrupt[i] ^= 0x5A
    open(os.path.join(BAD, "corrupt.docx"), "wb").write(bytes(corrupt))
    # A zip bomb: 100 MiB of spaces in the document part.
    bomb = [(n, d) for n, d in good if n != "word/document.xml"]
    big = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + b" " * (100 * 1024 * 1024) + b"</w:document>"
    bomb.append(("word/document.xml", big))
    write_zip(os.path.join(BAD, "bomb.docx"), bomb)
    # A zip without the Word part (a spreadsheet renamed).
    write_zip(os.path.join(BAD, "no_document.docx"), [
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("xl/workbook.xml", b"<workbook/>"),
    ])
    open(os.path.join(BAD, "rtf.doc"), "wb").write(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\f0 \\'b5\\'b3\\'bf\\'ce\\par}")
    open(os.path.join(BAD, "html.doc"), "wb").write(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\"></head><body><p>一、党课</p></body></html>".encode())
    open(os.path.join(BAD, "mhtml.doc"), "wb").write(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n\r\n------=_NextPart\r\n")
    open(os.path.join(BAD, "not_a_zip.docx"), "wb").write("一、这是纯文本，却叫 .docx\n".encode())


if __name__ == "__main__":
    os.makedirs(BAD, exist_ok=True)
    styles_numbering()
    direct_numbering()
    articles()
    tracked_changes()
    runs_fields_controls()
    table_outline()
    pictures()
    bad_files()
    print("fixtures written to", os.path.normpath(OUT))
