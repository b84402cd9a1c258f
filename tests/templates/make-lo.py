"""Makes lo-gradient-4x3.pptx and lo-picture-16x9.pptx: python-pptx writes a template
(a gradient or picture background and a logo on the master, the colour and font schemes
edited), then LibreOffice saves it again, so the files are as LibreOffice Impress writes them:

    python3 make-lo.py && soffice --headless --convert-to pptx --outdir lo src-*.pptx
"""
import re, sys, zipfile, shutil, io
from pptx import Presentation
from pptx.util import Emu, Inches


from PIL import Image, ImageDraw
im = Image.new('RGBA', (200, 200), (0, 0, 0, 0)); d = ImageDraw.Draw(im)
d.ellipse((5, 5, 195, 195), fill=(178, 0, 30, 255)); d.rectangle((70, 70, 130, 130), fill=(242, 199, 92, 255))
im.save('logo.png')
bg = Image.new('RGB', (1280, 720)); d = ImageDraw.Draw(bg)
for y in range(720):
    c = int(235 - 60 * y / 720); d.line([(0, y), (1280, y)], fill=(c - 40, c - 10, min(c + 15, 255)))
for x in range(0, 1280, 160): d.line([(x, 0), (x + 300, 720)], fill=(200, 215, 240), width=6)
bg.save('bg.jpg', quality=70)

def build(out, wide, bg_xml, pic, pic_pos, accent1, ea_major, ea_minor, title_bg=None):
    p = Presentation()
    if wide:
        p.slide_width, p.slide_height = Emu(12192000), Emu(6858000)
    m = p.slide_master
    # one sample slide so LibreOffice keeps a page
    s = p.slides.add_slide(p.slide_layouts[1]); s.shapes.title.text = "样例"
    if pic:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        l, t, w, h = pic_pos
        pp = s.shapes.add_picture(pic, Emu(l), Emu(t), Emu(w), Emu(h))
        el = pp._element
        rid = el.blipFill.blip.rEmbed
        image_part = s.part.related_part(rid)
        new = m.part.relate_to(image_part, RT.IMAGE)
        el.blipFill.blip.set('{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed', new)
        m.shapes._spTree.append(el)
    tmp = out + '.tmp.pptx'; p.save(tmp)
    zin = zipfile.ZipFile(tmp); buf = io.BytesIO(); zout = zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED)
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'ppt/slideMasters/slideMaster1.xml':
            t = data.decode()
            t = re.sub(r'<p:bg>.*?</p:bg>', bg_xml, t, count=1, flags=re.S)
            data = t.encode()
        if item.filename == 'ppt/theme/theme1.xml':
            t = data.decode()
            t = re.sub(r'(<a:accent1>\s*<a:srgbClr val=")\w{6}', r'\g<1>' + accent1, t)
            t = re.sub(r'(<a:majorFont>\s*<a:latin typeface="[^"]*"/>\s*<a:ea typeface=")[^"]*', r'\g<1>' + ea_major, t)
            t = re.sub(r'(<a:minorFont>\s*<a:latin typeface="[^"]*"/>\s*<a:ea typeface=")[^"]*', r'\g<1>' + ea_minor, t)
            data = t.encode()
        if title_bg and item.filename == 'ppt/slideLayouts/slideLayout1.xml':
            t = data.decode()
            t = t.replace('<p:cSld name="Title Slide">', '<p:cSld name="Title Slide">' + title_bg, 1)
            data = t.encode()
        zout.writestr(item, data)
    zout.close(); open(out, 'wb').write(buf.getvalue())

grad = ('<p:bg><p:bgPr><a:gradFill rotWithShape="1"><a:gsLst>'
        '<a:gs pos="0"><a:srgbClr val="FFF8EC"/></a:gs><a:gs pos="100000"><a:srgbClr val="F2D9B0"/></a:gs>'
        '</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill><a:effectLst/></p:bgPr></p:bg>')
build('src-gradient-4x3.pptx', False, grad, 'logo.png', (8001000, 228600, 914400, 914400), 'B2001E', '宋体', '黑体')
picbg = ('<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="rIdBg"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>')
build('src-picture-16x9.pptx', True, picbg, 'logo.png', (10896600, 5715000, 762000, 762000), '0B3C8C', '', '')
# add the picture background part to the 16:9 one
z = zipfile.ZipFile('src-picture-16x9.pptx'); buf = io.BytesIO(); zo = zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED)
for item in z.infolist():
    data = z.read(item.filename)
    if item.filename == 'ppt/slideMasters/_rels/slideMaster1.xml.rels':
        data = data.decode().replace('</Relationships>', '<Relationship Id="rIdBg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/bg.jpeg"/></Relationships>').encode()
    if item.filename == '[Content_Types].xml' and b'Extension="jpeg"' not in data:
        data = data.decode().replace('<Default Extension="xml"', '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="xml"').encode()
    zo.writestr(item, data)
zo.writestr('ppt/media/bg.jpeg', open('bg.jpg','rb').read()); zo.close(); open('src-picture-16x9.pptx','wb').write(buf.getvalue())
