"""Web pages in the shapes that sites publish letters in: WordPress (notes pasted from
Word as `_ftn1` anchors, a share bar, related posts, comments, widgets), Drupal (a body
field, breadcrumbs, raised markers and a "Notes" list), a news site (JSON-LD article
data, a byline, a newsletter box inside the story, a cookie banner), a static-site
generator (pandoc's `<section>` of notes), a blog with notes in `<aside>`, Word's "Save
as web page" (Windows-1252 declared, `mso-list` paragraphs), an old table-layout site,
UTF-16 with a byte-order mark, an undeclared Windows-1256 page, and pages in Arabic,
Russian and Chinese. Each page is written from a letter spec; its expectation lists the
site's text that must be left out."""

import html
import os
import quopri
import subprocess

import expect
import markdown
from letters import H, OL, P, Q, T, UL, by_id, inline, note_order, plain

WEB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "web")


def esc(text):
    return html.escape(text, quote=False)


class Body:
    """A letter as HTML, with notes in one of the ways sites write them."""

    def __init__(self, letter, notes):
        self.letter = letter
        self.style = notes
        self.order = note_order(letter)
        self.after_paragraph = []

    def number(self, n):
        return self.order.index(n) + 1

    def marker(self, n):
        k = self.number(n)
        return {
            "fn-list": f'<sup id="fnref{k}"><a href="#fn{k}">{k}</a></sup>',
            "ftn": f'<a href="#_ftn{k}" name="_ftnref{k}">[{k}]</a>',
            "aside": f'<sup><a href="#note-{k}" role="doc-noteref" id="ref-{k}">{k}</a></sup>',
            "loose-sup": f"<sup>{k}</sup>",
            "loose-bracket": f"[{k}]",
            "p-id": f'<sup><a href="#note{k}">{k}</a></sup>',
            "bracket-link": f'<a href="#n{k}" id="r{k}">[{k}]</a>',
            "arabic": f'<sup><a href="#fn{k}" id="fnref{k}">{arabic_digits(k)}</a></sup>',
            "mso": (f"<a style='mso-footnote-id:ftn{k}' href=\"#_ftn{k}\" name=\"_ftnref{k}\" title=\"\">"
                    f"<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
                    f"<![if !supportFootnotes]><span class=MsoFootnoteReference><span style='font-size:12.0pt'>[{k}]</span></span><![endif]>"
                    f"</span></span></a>"),
        }[self.style]

    def runs(self, text):
        out = []
        for piece in inline(text):
            out.append(self.piece(piece))
        return "".join(out)

    def piece(self, piece):
        if piece[0] == "text":
            body = esc(piece[1])
            if "i" in piece[2]:
                body = f"<em>{body}</em>"
            if "b" in piece[2]:
                body = f"<strong>{body}</strong>"
            return body
        if piece[0] == "link":
            inner = "".join(self.piece(p) for p in piece[2])
            return f'<a href="{html.escape(piece[1])}">{inner}</a>'
        if self.style == "aside":
            self.after_paragraph.append(piece[1])
        return self.marker(piece[1])

    def p(self, text, cls=None):
        attr = f' class="{cls}"' if cls else ""
        out = f"<p{attr}>{self.runs(text)}</p>\n"
        for n in self.after_paragraph:
            k = self.number(n)
            out += (f'<aside id="note-{k}" role="doc-footnote" class="footnote"><p>{k}. '
                    f"{self.runs(self.letter.notes[n])}</p></aside>\n")
        self.after_paragraph = []
        return out

    def lines(self, lines, bold_first=False):
        parts = [esc(line) for line in lines]
        if bold_first:
            parts[0] = f"<strong>{parts[0]}</strong>"
        return "<p>" + "<br>\n".join(parts) + "</p>\n"

    def block(self, block):
        if isinstance(block, P):
            return self.p(block.text)
        if isinstance(block, H):
            return f"<h{block.level}>{self.runs(block.text)}</h{block.level}>\n"
        if isinstance(block, Q):
            return f"<blockquote>{self.p(block.text)}</blockquote>\n"
        if isinstance(block, (UL, OL)):
            if self.style == "mso":
                return self.mso_list(block)
            tag = "ol" if isinstance(block, OL) else "ul"
            return self.html_list(block.items, tag)
        if isinstance(block, T):
            rows = "".join("<tr>" + "".join(f"<td>{self.runs(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            return f"<table>{rows}</table>\n"
        raise TypeError(block)

    def html_list(self, items, tag):
        out = f"<{tag}>\n"
        for item in items:
            if isinstance(item, tuple):
                out += f"<li>{self.runs(item[0])}\n{self.html_list(item[1], 'ul')}</li>\n"
            else:
                out += f"<li>{self.runs(item)}</li>\n"
        return out + f"</{tag}>\n"

    def mso_list(self, block):
        ordered = isinstance(block, OL)
        out = ""
        items = block.items
        for i, item in enumerate(items):
            text = item if isinstance(item, str) else item[0]
            place = "First" if i == 0 else ("Last" if i == len(items) - 1 else "Middle")
            marker = (f"{i + 1}.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;</span>" if ordered else
                      "<span style='font-family:Symbol'>·</span><span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;</span>")
            out += (f"<p class=MsoListParagraphCxSp{place} style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l{0 if ordered else 1} level1 lfo{1 if ordered else 2}'>"
                    f"<![if !supportLists]><span lang=ES style='mso-fareast-font-family:Calibri'><span style='mso-list:Ignore'>{marker}</span></span><![endif]>"
                    f"<span lang=ES>{self.runs(text)}</span></p>\n")
        return out

    def head(self, subject_label="Re:"):
        letter = self.letter
        out = f"<p>{esc(letter.date_line())}</p>\n"
        if letter.reference:
            out += f"<p>Our ref: {esc(letter.reference)}</p>\n"
        for block in letter.to:
            out += self.lines(block)
        if letter.subject:
            out += f"<p><strong>{esc(subject_label)} {esc(letter.subject)}</strong></p>\n"
        out += f"<p>{esc(letter.salutation)}</p>\n"
        return out

    def signoff(self):
        letter = self.letter
        out = f"<p>{esc(letter.closing)}</p>\n"
        for person in letter.signatories:
            out += self.lines([x for x in (person.name, person.title, person.organization) if x], bold_first=True)
        if letter.cc:
            out += f"<p>cc: {esc('; '.join(letter.cc))}</p>\n"
        if letter.enclosures:
            out += f"<p>Enclosures: {esc('; '.join(letter.enclosures))}</p>\n"
        if letter.postscript:
            out += f"<p>P.S. {esc(letter.postscript)}</p>\n"
        return out

    def notes(self, heading="Notes"):
        order = self.order
        notes = self.letter.notes
        if self.style == "fn-list":
            items = "".join(f'<li id="fn{i}">{self.runs(notes[n])} <a href="#fnref{i}" class="footnote-backref">↩</a></li>\n'
                            for i, n in enumerate(order, 1))
            return f'<h2>{heading}</h2>\n<ol class="footnotes">\n{items}</ol>\n'
        if self.style == "arabic":
            items = "".join(f'<li id="fn{i}">{self.runs(notes[n])} <a href="#fnref{i}">↩</a></li>\n'
                            for i, n in enumerate(order, 1))
            return f'<hr>\n<ol class="footnotes">\n{items}</ol>\n'
        if self.style == "ftn":
            return "<hr>\n" + "".join(f'<p><a href="#_ftnref{i}" name="_ftn{i}">[{i}]</a> {self.runs(notes[n])}</p>\n'
                                      for i, n in enumerate(order, 1))
        if self.style == "loose-sup":
            items = "".join(f"<li>{self.runs(notes[n])}</li>\n" for n in order)
            return f"<h3>{heading}</h3>\n<ol>\n{items}</ol>\n"
        if self.style == "loose-bracket":
            return "".join(f"<p>[{i}] {self.runs(notes[n])}</p>\n" for i, n in enumerate(order, 1))
        if self.style == "p-id":
            return f"<h3>{heading}</h3>\n" + "".join(f'<p id="note{i}">{i}. {self.runs(notes[n])}</p>\n'
                                                     for i, n in enumerate(order, 1))
        if self.style == "bracket-link":
            return '<div class="notes">\n' + "".join(f'<p id="n{i}"><a href="#r{i}">[{i}]</a> {self.runs(notes[n])}</p>\n'
                                                   for i, n in enumerate(order, 1)) + "</div>\n"
        if self.style == "mso":
            out = "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>\n<hr align=left size=1 width=\"33%\">\n<![endif]>\n"
            for i, n in enumerate(order, 1):
                out += (f"<div style='mso-element:footnote' id=ftn{i}>\n<p class=MsoFootnoteText><a style='mso-footnote-id:ftn{i}' "
                        f"href=\"#_ftnref{i}\" name=\"_ftn{i}\" title=\"\"><span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
                        f"<![if !supportFootnotes]><span class=MsoFootnoteReference><span style='font-size:10.0pt'>[{i}]</span></span><![endif]></span></span></a> "
                        f"<span lang=ES>{self.runs(notes[n])}</span></p>\n</div>\n")
            return out + "</div>\n"
        return ""

    def letter_html(self, subject_label="Re:", notes_heading="Notes"):
        body = self.head(subject_label)
        for block in self.letter.body:
            body += self.block(block)
        return body + self.signoff() + self.notes(notes_heading)


def arabic_digits(n):
    return "".join("٠١٢٣٤٥٦٧٨٩"[int(d)] for d in str(n))


def write(name, page, letter, maker, encoding="utf-8", extra=None):
    path = os.path.join(WEB, name)
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + page.encode("utf-16-le")
    else:
        data = page.encode(encoding)
    with open(path, "wb") as out:
        out.write(data)
    expect.write(path, letter, maker, document=extra)


def mhtml(page, location, encoding, snapshot, parts=()):
    """A page saved as one MIME file: quoted-printable HTML, then its parts (name, type,
    bytes) in base64."""
    import base64
    boundary = "----MultipartBoundary--Qx8sJ2WqB7Ltr9PDAeMZ" if snapshot else "----=_NextPart_01D8A1B2.C3D4E5F0"
    head = ("From: <Saved by Blink>\r\n" f"Snapshot-Content-Location: {location}\r\n"
            "Subject: =?utf-8?Q?Letter?=\r\nDate: Thu, 12 May 2022 10:00:00 +0200\r\n") if snapshot else ""
    out = (head + "MIME-Version: 1.0\r\n"
           f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n')
    if not snapshot:
        out += "This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
    body = quopri.encodestring(page.encode(encoding)).decode("ascii").replace("\n", "\r\n")
    out += (f"--{boundary}\r\nContent-Type: text/html; charset=\"{encoding}\"\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {location}\r\n\r\n{body}\r\n")
    for name, kind, data in parts:
        encoded = base64.encodebytes(data).decode("ascii").replace("\n", "\r\n")
        out += (f"--{boundary}\r\nContent-Type: {kind}\r\nContent-Transfer-Encoding: base64\r\n"
                f"Content-Location: {name}\r\n\r\n{encoded}\r\n")
    return out + f"--{boundary}--\r\n"


def wordpress_page():
    letter = by_id("prisons-en")
    body = Body(letter, "ftn")
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(letter.title)} &#8211; Coastal Rights Watch</title>
<link rel="canonical" href="https://coastalrights.example/2022/05/12/letter-minister-remand/">
<link rel='stylesheet' id='twentytwenty-style-css' href='https://coastalrights.example/wp-content/themes/twentytwenty/style.css?ver=1.9' media='all' />
<script src='https://coastalrights.example/wp-includes/js/jquery/jquery.min.js?ver=3.6.0' id='jquery-core-js'></script>
<style id='wp-block-library-inline-css'>.wp-block-quote{{border-left:4px solid}}</style>
</head>
<body class="post-template-default single single-post postid-1042 single-format-standard">
<a class="skip-link screen-reader-text" href="#site-content">Skip to the content</a>
<header id="site-header" class="header-footer-group" role="banner">
<div class="header-inner section-inner"><div class="header-titles"><div class="site-title faux-heading"><a href="https://coastalrights.example/">Coastal Rights Watch</a></div><div class="site-description">Justice on the coast</div></div>
<div class="header-navigation-wrapper"><nav class="primary-menu-wrapper" aria-label="Horizontal" role="navigation"><ul class="primary-menu reset-list-style">
<li class="menu-item"><a href="https://coastalrights.example/">Home</a></li><li class="menu-item"><a href="https://coastalrights.example/about/">About us</a></li>
<li class="menu-item"><a href="https://coastalrights.example/reports/">Reports</a></li><li class="menu-item"><a href="https://coastalrights.example/donate/">Donate</a></li></ul></nav></div></div>
</header>
<main id="site-content" role="main">
<article class="post-1042 post type-post status-publish format-standard hentry category-letters" id="post-1042">
<header class="entry-header has-text-align-center header-footer-group">
<div class="entry-header-inner section-inner medium"><div class="entry-categories"><span class="screen-reader-text">Categories</span><div class="entry-categories-inner"><a href="https://coastalrights.example/category/letters/" rel="category tag">Letters</a></div></div>
<h1 class="entry-title">{esc(letter.title)}</h1>
<div class="post-meta-wrapper post-meta-single post-meta-single-top"><ul class="post-meta"><li class="post-author meta-wrapper"><span class="meta-text">By <a href="https://coastalrights.example/author/editor/">Editor</a></span></li><li class="post-date meta-wrapper"><span class="meta-text"><a href="https://coastalrights.example/2022/05/12/letter-minister-remand/">May 12, 2022</a></span></li></ul></div>
</div></header>
<div class="post-inner thin "><div class="entry-content">
{body.letter_html()}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
<li class="share-twitter"><a rel="nofollow noopener noreferrer" class="share-twitter sd-button" href="https://coastalrights.example/2022/05/12/letter-minister-remand/?share=twitter" target="_blank"><span>Twitter</span></a></li>
<li class="share-facebook"><a class="share-facebook sd-button" href="https://coastalrights.example/2022/05/12/letter-minister-remand/?share=facebook"><span>Facebook</span></a></li></ul></div></div></div>
<div id='jp-relatedposts' class='jp-relatedposts' ><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<div class="jp-relatedposts-items"><p class="jp-relatedposts-post"><a href="https://coastalrights.example/2022/04/02/remand-report/">Our report on remand detention is out</a></p></div></div>
</div></div>
<div class="post-meta-wrapper post-meta-single post-meta-single-bottom"><ul class="post-meta"><li class="post-tags meta-wrapper"><span class="meta-text">Tags: <a href="https://coastalrights.example/tag/prisons/" rel="tag">prisons</a></span></li></ul></div>
<nav class="pagination-single section-inner" aria-label="Post" role="navigation"><div class="pagination-single-inner"><a class="previous-post" href="https://coastalrights.example/2022/04/20/budget/"><span class="title">Statement on the justice budget</span></a></div></nav>
<div class="comments-wrapper section-inner"><div id="respond" class="comment-respond"><h2 id="reply-title" class="comment-reply-title">Leave a Reply</h2>
<form action="https://coastalrights.example/wp-comments-post.php" method="post" id="commentform" class="section-inner thin max-percentage"><p class="comment-notes"><span id="email-notes">Your email address will not be published.</span></p>
<p class="comment-form-comment"><label for="comment">Comment</label> <textarea id="comment" name="comment"></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /></p></form></div></div>
</article>
</main>
<div class="footer-nav-widgets-wrapper header-footer-group"><aside class="footer-widgets-outer-wrapper" role="complementary"><div class="footer-widgets column-one grid-item"><div class="widget widget_recent_entries"><div class="widget-content"><h2 class="widget-title subheading heading-size-3">Recent Posts</h2>
<ul><li><a href="https://coastalrights.example/2022/04/20/budget/">Statement on the justice budget</a></li></ul></div></div></div></aside></div>
<footer id="site-footer" role="contentinfo" class="header-footer-group"><div class="section-inner"><div class="footer-credits"><p class="footer-copyright">&copy; 2022 <a href="https://coastalrights.example/">Coastal Rights Watch</a></p><p class="powered-by-wordpress"><a href="https://wordpress.org/">Powered by WordPress</a></p></div>
<a class="to-the-top" href="#site-header"><span class="to-the-top-long">To the top <span class="arrow" aria-hidden="true">&uarr;</span></span></a></div></footer>
<script id='twentytwenty-js-js-extra'>var twentytwenty = {{"a11y":"1"}};</script>
</body>
</html>
"""


WORDPRESS_CHROME = {"absent": ["Skip to the content", "Justice on the coast", "About us", "Share this", "Twitter",
                               "Our report on remand detention is out", "Leave a Reply", "Recent Posts",
                               "Powered by WordPress", "To the top", "Statement on the justice budget", "By Editor"],
                    "dropped": ["share buttons", "related posts", "navigation", "comments"],
                    "links": ["https://inspectorate.example.org/reports"]}


def wordpress():
    letter = by_id("prisons-en")
    write("wordpress-prisons-en.html", wordpress_page(), letter,
          "tests/import/make/web.py (WordPress, Twenty Twenty theme, Jetpack sharing)", extra=WORDPRESS_CHROME)


def chrome_mhtml():
    """The WordPress page as Chrome saves it with "Save as… Webpage, Single File"."""
    letter = by_id("prisons-en")
    page = mhtml(wordpress_page(), "https://coastalrights.example/2022/05/12/letter-minister-remand/", "utf-8", True,
                 [("https://coastalrights.example/wp-content/uploads/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")])
    extra = dict(WORDPRESS_CHROME)
    extra["notices"] = ["single-file web page (MHTML)"]
    write("chrome-mhtml-prisons-en.mhtml", page, letter, "tests/import/make/web.py (Chrome's Save as MHTML of the WordPress page)",
          encoding="ascii", extra=extra)


def word_mht():
    """Word's "Single File Web Page" (.mht): the Word HTML in quoted-printable windows-1252."""
    letter = by_id("desaparecidos-es")
    page = mhtml(word_html_page(), "file:///C:/Users/mfruiz/Documents/carta.htm", "windows-1252", False)
    write("word-mht-desaparecidos-es.mht", page, letter, "tests/import/make/web.py (Word 2016 Single File Web Page)",
          encoding="ascii", extra={"encoding": "windows-1252 (declared by the file: charset=windows-1252)",
                                   "notices": ["single-file web page (MHTML)"]})


def drupal():
    letter = by_id("platform-en")
    body = Body(letter, "loose-sup")
    page = f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8" />
<link rel="canonical" href="https://rightsdigital.example/letters/streamline-media-content-moderation" />
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<title>{esc(letter.title)} | Rights Digital</title>
<link rel="stylesheet" media="all" href="/core/themes/olivero/css/base/base.css?s1x2y3" />
</head>
<body class="path-node page-node-type-letter">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div id="page-wrapper" class="page-wrapper"><div id="page">
<header id="header" class="site-header" data-drupal-selector="site-header" role="banner">
<div class="site-header__fixable" data-drupal-selector="site-header-fixable"><div class="site-header__initial"><button class="sticky-header-toggle" data-drupal-selector="sticky-header-toggle" role="switch" aria-controls="site-header__inner" aria-label="Sticky header" aria-checked="false"><span class="sticky-header-toggle__icon"></span></button></div>
<div id="site-header__inner" class="site-header__inner"><div class="container site-header__inner__container">
<div id="block-olivero-site-branding" class="site-branding block block-system block-system-branding-block"><div class="site-branding__inner"><div class="site-branding__text"><div class="site-branding__name"><a href="/" title="Home" rel="home">Rights Digital</a></div></div></div></div>
<div class="mobile-buttons" data-drupal-selector="mobile-buttons"><button class="mobile-nav-button" data-drupal-selector="mobile-nav-button" aria-label="Main Menu" aria-controls="header-nav" aria-expanded="false"><span class="mobile-nav-button__label">Menu</span></button></div>
<div id="header-nav" class="header-nav" data-drupal-selector="header-nav"><nav role="navigation" aria-labelledby="block-olivero-main-menu-menu" id="block-olivero-main-menu" class="primary-nav block block-menu navigation menu--main"><h2 class="visually-hidden block__title" id="block-olivero-main-menu-menu">Main navigation</h2>
<ul class="menu primary-nav__menu primary-nav__menu--level-1"><li class="primary-nav__menu-item"><a href="/campaigns" class="primary-nav__menu-link">Campaigns</a></li><li class="primary-nav__menu-item"><a href="/letters" class="primary-nav__menu-link">Letters</a></li></ul></nav></div>
</div></div></div>
</header>
<div id="main-wrapper" class="layout-main-wrapper layout-container"><div id="main" class="layout-main"><div class="main-content">
<a id="main-content" tabindex="-1"></a>
<div class="region region--breadcrumb grid-full layout--pass--content-medium"><div id="block-olivero-breadcrumbs" class="block block-system block-system-breadcrumb-block">
<nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol class="breadcrumb__list"><li class="breadcrumb__item"><a href="/" class="breadcrumb__link">Home</a></li><li class="breadcrumb__item"><a href="/letters" class="breadcrumb__link">Letters</a></li></ol></nav></div></div>
<div class="main-content__container container"><div class="region region--content-above grid-full layout--pass--content-medium">
<div id="block-olivero-page-title" class="block block-core block-page-title-block"><h1 class="title page-title"><span class="field field--name-title field--type-string field--label-hidden">{esc(letter.title)}</span></h1></div>
<div data-drupal-messages-fallback class="hidden messages-list"></div></div>
<div class="region region--content grid-full layout--pass--content-medium" id="content"><div id="block-olivero-content" class="block block-system block-system-main-block">
<article data-history-node-id="233" role="article" about="/letters/streamline-media-content-moderation" class="node node--type-letter node--promoted node--view-mode-full">
<header class=""><div class="node__meta"><span>By <span class="field field--name-uid"><span>rights_admin</span></span></span>, <span class="field field--name-created">6 March, 2023</span></div></header>
<div class="node__content">
<div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body.letter_html()}
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><h3 class="field__label">Topics</h3><ul class="links field__items"><li><a href="/taxonomy/term/3" hreflang="en">Platforms</a></li></ul></div>
<div class="field field--name-field-related-campaigns field--label-above"><div class="field__label">Related campaigns</div><div class="field__item"><a href="/campaigns/erased">Erased: the archive of the region</a></div></div>
</div></article></div></div></div></div></div></div>
<footer class="site-footer"><div class="site-footer__inner container"><div class="region region--footer-top grid-full"><nav role="navigation" aria-labelledby="block-olivero-footer-menu" id="block-olivero-footer" class="block block-menu navigation menu--footer"><ul class="menu"><li><a href="/privacy">Privacy policy</a></li></ul></nav></div>
<div class="region region--footer-bottom grid-full"><div id="block-olivero-powered" class="block block-system block-system-powered-by-block"><span>Powered by <a href="https://www.drupal.org">Drupal</a></span></div></div></div></footer>
<div class="overlay" data-drupal-selector="overlay"></div>
</div></div></div>
<script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/","currentPath":"node\\/233"}},"user":{{"uid":0}}}}</script>
<script src="/core/assets/vendor/once/once.min.js?v=1.0.1"></script>
</body>
</html>
"""
    write("drupal-platform-en.html", page, letter, "tests/import/make/web.py (Drupal 10, Olivero theme)",
          extra={"absent": ["Skip to main content", "Main navigation", "Breadcrumb", "Campaigns", "rights_admin",
                            "Topics", "Platforms", "Related campaigns", "Erased: the archive", "Privacy policy",
                            "Powered by"],
                 "dropped": ["navigation", "heading over the notes", "related"],
                 "notices": ["notes read from the list after the text"]})


def news():
    letter = by_id("commissioner-en")
    body = Body(letter, "fn-list")
    letter_html = body.letter_html(notes_heading="Notes")
    # The newsletter box that news sites put in the middle of a story.
    cut = letter_html.index("<p>The Commission")
    letter_html = (letter_html[:cut]
                   + '<div class="newsletter-inline"><h3>Get our Europe briefing</h3><p>Every weekday morning, in your inbox.</p>'
                     '<form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>\n'
                   + '<aside class="pull-quote"><p>“The pushbacks have not stopped”</p></aside>\n'
                   + letter_html[cut:])
    page = f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>NGOs urge Commission to act on border pushbacks | The Brussels Ledger</title>
<meta property="og:title" content="NGOs urge Commission to act on border pushbacks">
<meta property="og:url" content="https://brusselsledger.example/europe/2023/feb/09/ngos-pushbacks-letter">
<meta property="article:published_time" content="2023-02-09T14:30:00+01:00">
<script type="application/ld+json">
{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"The Brussels Ledger"}},{{"@type":"NewsArticle","headline":"NGOs urge Commission to act on border pushbacks","datePublished":"2023-02-09T14:30:00+01:00","author":[{{"@type":"Person","name":"Marta Jansen"}}],"publisher":{{"@type":"Organization","name":"The Brussels Ledger"}},"inLanguage":"en-GB"}}]}}
</script>
<script async src="https://ads.brusselsledger.example/gpt.js"></script>
</head>
<body class="article-page">
<div class="ad-slot ad-slot--top" id="ad-top"><span class="ad-label">Advertisement</span></div>
<header class="masthead"><a class="masthead__logo" href="/">The Brussels Ledger</a>
<nav class="masthead__nav" aria-label="Sections"><a href="/europe">Europe</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav>
<a class="masthead__subscribe" href="/subscribe">Subscribe from €1</a></header>
<main id="maincontent">
<article class="story">
<header class="story__header"><p class="story__kicker"><a href="/migration">Migration</a></p>
<h1 class="story__headline">NGOs urge Commission to act on border pushbacks</h1>
<p class="story__standfirst">A coalition of rights groups wrote to the Commissioner for Home Affairs on Thursday. The full text of their letter follows.</p>
<div class="story__byline">By <a rel="author" href="/profile/marta-jansen">Marta Jansen</a> · <time datetime="2023-02-09T14:30">Thu 9 Feb 2023 14.30 CET</time></div>
<div class="share-tools"><button class="share-tools__button">Share</button><button class="share-tools__button">Email</button></div>
</header>
<div class="story__body" itemprop="articleBody">
{letter_html}
</div>
<footer class="story__footer"><p>Topics: <a href="/migration">Migration</a>, <a href="/eu">European Union</a></p></footer>
<section class="related-stories" aria-labelledby="related"><h2 id="related">More on this story</h2><ul><li><a href="/europe/2023/jan/10/border-agency-audit">Border agency faces audit over missing reports</a></li></ul></section>
</article>
</main>
<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat" role="dialog" aria-label="Cookie banner"><div class="ot-sdk-container"><p id="onetrust-policy-text">We use cookies and similar technologies to improve your experience and to show you relevant advertising. <a href="/cookies">Cookie policy</a></p><button id="onetrust-accept-btn-handler">Accept all cookies</button><button id="onetrust-reject-all-handler">Reject all</button></div></div></div>
<footer class="site-footer"><p>© 2023 The Brussels Ledger Ltd. All rights reserved.</p></footer>
</body>
</html>
"""
    write("news-commissioner-en.html", page, letter, "tests/import/make/web.py (news site with schema.org NewsArticle)",
          extra={"absent": ["Advertisement", "Subscribe from", "A coalition of rights groups wrote", "Marta Jansen",
                            "Get our Europe briefing", "The pushbacks have not stopped", "More on this story",
                            "Border agency faces audit", "We use cookies", "Accept all cookies", "All rights reserved",
                            "Topics:"],
                 "dropped": ["cookie notice", "newsletter sign-up", "sidebar", "heading over the notes"],
                 "published": "2023-02-09T14:30:00+01:00",
                 "title": "NGOs urge Commission to act on border pushbacks"})


def hugo():
    letter = by_id("rapporteur-en")
    fragment = subprocess.run(["pandoc", "-f", "markdown", "-t", "html5"], input=markdown.render(letter),
                              capture_output=True, text=True, check=True).stdout
    page = f"""<!DOCTYPE html>
<html lang="en-us">
<head>
<meta charset="utf-8">
<meta name="generator" content="Hugo 0.111.3">
<title>{esc(letter.title)} · Assembly Monitor</title>
<link rel="canonical" href="https://assemblymonitor.example/letters/2021/rapporteur-submission/">
</head>
<body>
<header class="site"><a class="brand" href="/">Assembly Monitor</a>
<nav><ul><li><a href="/letters/">Letters</a></li><li><a href="/reports/">Reports</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<main>
<article class="post">
<h1 class="post-title">{esc(letter.title)}</h1>
<div class="post-meta"><time datetime="2021-09-21">September 21, 2021</time> · 2 minute read</div>
<div class="post-body">
{fragment}
</div>
<div class="post-tags"><a href="/tags/assembly/">#assembly</a> <a href="/tags/un/">#un</a></div>
</article>
</main>
<footer class="site"><p>Assembly Monitor · <a href="/index.xml">RSS</a></p></footer>
</body>
</html>
"""
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    write("hugo-rapporteur-en.html", page, letter, f"{version} -t html5 in a Hugo-style page",
          extra={"absent": ["2 minute read", "#assembly", "RSS", "About"],
                 "headings": [letter.title],
                 "dropped": ["post details", "tags"]})


def ghost():
    letter = by_id("execution-en")
    body = Body(letter, "aside")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(letter.title)}</title>
<meta name="generator" content="Ghost 5.40">
<link rel="canonical" href="https://justicenow.example/clemency-marcus-bell/">
</head>
<body class="post-template">
<div class="site-wrapper">
<header id="gh-head" class="gh-head"><nav class="gh-head-inner inner gh-container"><div class="gh-head-brand"><a class="gh-head-logo" href="https://justicenow.example">Justice Now Alliance</a></div>
<div class="gh-head-menu"><ul class="nav"><li class="nav-home"><a href="https://justicenow.example/">Home</a></li><li class="nav-campaigns"><a href="https://justicenow.example/campaigns/">Campaigns</a></li></ul></div>
<div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup">Subscribe</a></div></nav></header>
<main id="site-main" class="site-main">
<article class="article post tag-death-penalty">
<header class="article-header gh-canvas"><h1 class="article-title">{esc(letter.title)}</h1><p class="article-excerpt">Our letter to the Governor, sent today.</p></header>
<section class="gh-content gh-canvas">
{body.letter_html()}
</section>
<section class="article-comments gh-canvas"><div class="comments-placeholder">Sign in to comment</div></section>
</article>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign up for updates</h2><a class="footer-cta-button" href="#/portal">Enter your email</a></div></section>
</main>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="https://justicenow.example">Justice Now Alliance</a> © 2022</section></div></footer>
</div>
</body>
</html>
"""
    write("ghost-execution-en.html", page, letter, "tests/import/make/web.py (Ghost blog, notes in <aside>)",
          extra={"absent": ["Subscribe", "Our letter to the Governor, sent today", "Sign in to comment",
                            "Sign up for updates", "Enter your email", "© 2022"]})


def word_html_page():
    letter = by_id("desaparecidos-es")
    body = Body(letter, "mso")
    paras = body.head("Asunto:")
    for block in letter.body:
        paras += body.block(block)
    paras += body.signoff()
    paras = paras.replace("<p>", "<p class=MsoNormal>")
    page = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{esc(letter.title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Centro de Derechos Humanos del Norte</o:Author>
  <o:Pages>2</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;font-size:12.0pt;font-family:"Times New Roman",serif;}}
@page WordSection1
	{{size:612.0pt 792.0pt;margin:72.0pt 72.0pt 72.0pt 72.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
 /* List Definitions */
 @list l0
	{{mso-list-id:1021009;}}
-->
</style>
</head>

<body lang=ES-MX link=blue vlink=purple style='tab-interval:35.4pt'>

<div class=WordSection1>

{paras}
</div>

{body.notes()}
</body>

</html>
"""
    return page


def word_html():
    letter = by_id("desaparecidos-es")
    page = word_html_page()
    write("word-html-desaparecidos-es.html", page, letter, "tests/import/make/web.py (Word 2016 \"Save as web page\", filtered shapes)",
          encoding="windows-1252",
          extra={"encoding": "windows-1252 (declared by the file: charset=windows-1252)",
                 "absent": ["Centro de Derechos Humanos del Norte</o:Author>", "WordSection1"]})


def oldsite():
    letter = by_id("coalition-es")
    body = Body(letter, "loose-bracket")
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta charset="windows-1252">
<title>Acci&oacute;n Ciudadana - Comunicados</title>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="780" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="2"><img src="imagenes/cabecera.jpg" width="780" height="120" alt="Acción Ciudadana por la Transparencia"></td></tr>
<tr>
<td width="180" valign="top" bgcolor="#E6E6E6"><font face="Verdana" size="1">
<a href="index.htm">Inicio</a><br><a href="quienes.htm">Quiénes somos</a><br><a href="comunicados.htm">Comunicados</a><br><a href="contacto.htm">Contacto</a><br><br>
<b>Boletín</b><br>Reciba nuestras noticias<br></font></td>
<td width="600" valign="top"><font face="Verdana" size="2">
<p align="right"><a href="comunicados.htm">&laquo; Volver a comunicados</a></p>
<h2>{esc(letter.title)}</h2>
{body.letter_html()}
<p align="center"><font size="1">Última actualización: 16/03/2022 | <a href="#top">Subir</a></font></p>
</font></td>
</tr>
<tr><td colspan="2" align="center"><font face="Verdana" size="1">Acción Ciudadana · 6a Avenida 12-45, Zona 1 · Guatemala · Tel. (502) 2555-0199</font></td></tr>
</table>
</body>
</html>
"""
    write("oldsite-coalition-es.html", page, letter, "tests/import/make/web.py (table layout, font tags, 2000s CMS)",
          encoding="windows-1252",
          extra={"encoding": "windows-1252 (declared by the file: charset=windows-1252)",
                 "headings": [letter.title],
                 "absent": ["Quiénes somos", "Reciba nuestras noticias"],
                 "notices": ["notes read from the list after the text"]})


def utf16():
    letter = by_id("detention-fr")
    body = Body(letter, "fn-list")
    page = f"""<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-16"><title>{esc(letter.title)} — Réseau Droits et Exil</title></head>
<body>
<header><p class="logo">Réseau Droits et Exil</p><nav><a href="/">Accueil</a> · <a href="/publications">Publications</a> · <a href="/adherer">Adhérer</a></nav></header>
<main>
<h1>{esc(letter.title)}</h1>
{body.letter_html("Objet :", "Notes")}
</main>
<footer><p>Réseau Droits et Exil — association loi 1901</p></footer>
</body>
</html>
"""
    write("utf16-detention-fr.html", page, letter, "tests/import/make/web.py (saved as UTF-16 with a byte-order mark, as Windows tools do)",
          encoding="utf-16-le-bom",
          extra={"encoding": "UTF-16LE (from its byte-order mark)", "headings": [letter.title] + [b.text for b in letter.body if isinstance(b, H)],
                 "absent": ["Accueil", "Adhérer", "association loi 1901"]})


def campaign():
    letter = by_id("supplier-fr")
    body = Body(letter, "p-id")
    page = f"""<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Notre lettre à Textiles Lumière | Collectif Éthique sur l'étiquette</title></head>
<body>
<div id="didomi-host" class="didomi-host"><div class="didomi-popup-notice" role="dialog"><p>Nous utilisons des cookies pour mesurer l'audience de notre site.</p><button id="didomi-notice-agree-button">Accepter</button><button>Refuser</button></div></div>
<div class="site-header"><a href="/" class="logo">Collectif Éthique sur l'étiquette</a><ul class="menu"><li><a href="/campagnes">Nos campagnes</a></li><li><a href="/don">Faire un don</a></li></ul></div>
<div class="breadcrumbs"><a href="/">Accueil</a> &gt; <a href="/actualites">Actualités</a> &gt; Lettre</div>
<main class="page">
<div class="share-bar"><span>Partager :</span> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">X</a> <a href="mailto:?subject=Lettre">Courriel</a></div>
<div class="letter-text">
{body.letter_html("Objet :", "Notes")}
</div>
<section class="related-posts"><h2>À lire aussi</h2><ul><li><a href="/actualites/rapport-fil-rouge">Notre rapport Fil rouge</a></li><li><a href="/actualites/loi-vigilance">La loi sur le devoir de vigilance a cinq ans</a></li></ul></section>
<div class="donation-box"><p>Soutenez nos enquêtes : chaque don compte.</p><a href="/don">Je donne</a></div>
</main>
<footer class="site-footer"><p>© Collectif Éthique sur l'étiquette 2022 — Mentions légales</p></footer>
</body>
</html>
"""
    write("campaign-supplier-fr.html", page, letter, "tests/import/make/web.py (campaign site: cookie banner, share bar, related posts)",
          extra={"absent": ["Nous utilisons des cookies", "Accepter", "Nos campagnes", "Faire un don", "Partager",
                            "À lire aussi", "Notre rapport Fil rouge", "chaque don compte", "Mentions légales", "Actualités"],
                 "dropped": ["cookie notice", "share buttons", "related posts", "breadcrumbs", "donation appeal",
                             "heading over the notes"]})


def arabic():
    letter = by_id("journalists-ar")
    body = Body(letter, "arabic")
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>{esc(letter.title)} | المرصد العربي لحرية الصحافة</title></head>
<body>
<header class="site-header"><a class="logo" href="/">المرصد العربي لحرية الصحافة</a>
<nav class="main-nav"><ul><li><a href="/">الرئيسية</a></li><li><a href="/reports">تقارير</a></li><li><a href="/contact">اتصل بنا</a></li></ul></nav></header>
<div class="container">
<article class="post">
<h1 class="post-title">{esc(letter.title)}</h1>
<div class="post-meta">نشر في 12 مايو 2022</div>
<div class="entry-content">
{body.letter_html()}
</div>
<div class="social-share"><span>شارك:</span> <a href="https://www.facebook.com/sharer.php">فيسبوك</a> <a href="https://twitter.com/share">تويتر</a></div>
</article>
<aside class="sidebar"><h3>أحدث المنشورات</h3><ul><li><a href="/news/1">بيان حول قانون الجرائم الإلكترونية</a></li></ul></aside>
</div>
<footer><p>جميع الحقوق محفوظة © 2022</p></footer>
</body>
</html>
"""
    write("arabic-journalists-ar.html", page, letter, "tests/import/make/web.py (Arabic news site, right to left, Arabic-Indic note numbers)",
          extra={"absent": ["الرئيسية", "نشر في", "شارك", "فيسبوك", "أحدث المنشورات", "جميع الحقوق محفوظة"],
                 "headings": [letter.title] + [b.text for b in letter.body if isinstance(b, H)]})


def arabic_legacy():
    letter = by_id("journalists-ar")
    body = Body(letter, "loose-bracket")
    page = f"""<html dir="rtl">
<head><title>{esc(letter.title)}</title></head>
<body>
<div id="menu"><a href="index.htm">الصفحة الرئيسية</a> | <a href="archive.htm">الأرشيف</a></div>
<div id="text">
{body.letter_html()}
</div>
</body>
</html>
"""
    write("legacy-1256-journalists-ar.html", page, letter, "tests/import/make/web.py (an old page in Windows-1256 that does not say so)",
          encoding="cp1256",
          extra={"encoding": "windows-1256 (detected", "absent": ["الأرشيف"],
                 "notices": ["notes read from the list after the text"]})


def russian():
    letter = by_id("activists-ru")
    body = Body(letter, "p-id")
    page = f"""<!DOCTYPE html>
<html lang="ru">
<head><meta charset="utf-8"><title>{esc(letter.title)} — Правозащитный центр «Свобода»</title></head>
<body>
<div class="header"><a class="logo" href="/">Правозащитный центр «Свобода»</a><div class="nav"><a href="/news">Новости</a> <a href="/help">Помощь</a></div></div>
<div class="content">
<article>
<h1>{esc(letter.title)}</h1>
<p class="date meta">15.04.2022</p>
{body.letter_html("Тема:", "Примечания")}
</article>
<div class="subscribe"><p>Подпишитесь на нашу рассылку</p></div>
</div>
<div class="footer">© 2022 Правозащитный центр «Свобода». Перепечатка с указанием источника.</div>
</body>
</html>
"""
    write("russian-activists-ru.html", page, letter, "tests/import/make/web.py (Russian NGO site)",
          extra={"absent": ["Новости", "Подпишитесь", "Перепечатка", "15.04.2022"],
                 "headings": [letter.title] + [b.text for b in letter.body if isinstance(b, H)],
                 "dropped": ["heading over the notes"]})


def chinese():
    letter = by_id("labour-zh")
    body = Body(letter, "bracket-link")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{esc(letter.title)} - 劳工权益中心</title></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/about">关于我们</a></div>
<div class="main-wrap">
<div class="article-content">
<h2 class="article-title">{esc(letter.title)}</h2>
<div class="article-meta">发布时间：2022-06-08 来源：劳工权益中心</div>
{body.letter_html()}
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a/1">建筑工人的一天</a></li></ul></div>
</div>
<div class="copyright">版权所有 © 2022 劳工权益中心</div>
</body>
</html>
"""
    write("chinese-labour-zh.html", page, letter, "tests/import/make/web.py (Chinese NGO site, bracketed note links)",
          extra={"absent": ["首页", "发布时间", "相关文章", "版权所有"],
                 "headings": [letter.title] + [b.text for b in letter.body if isinstance(b, H)]})


def scripted():
    letter = by_id("platform-en")
    body = Body(letter, "fn-list")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{esc(letter.title)}</title>
<script>document.write('<p>Injected: sign our petition now!</p>');</script>
</head>
<body>
<noscript><p>Please enable JavaScript to see our campaign tools.</p></noscript>
<main>
{body.letter_html()}
<script>
  var p = document.createElement('p');
  p.textContent = 'Injected by script: donate today';
  document.querySelector('main').appendChild(p);
  document.write('<p>Written by document.write</p>');
</script>
</main>
<div id="app" data-props='{{"message":"Rendered by the app"}}'></div>
<script src="/bundle.js"></script>
</body>
</html>
"""
    write("script-platform-en.html", page, letter, "tests/import/make/web.py (a page whose scripts would write text)",
          extra={"absent": ["Injected", "Written by document.write", "Rendered by the app", "enable JavaScript"],
                 "notices": ["script(s) ignored"]})


def google_docs():
    """Google Docs' File › Download › Web page: every run a span whose class carries its
    formatting, every line its own paragraph, empty paragraphs for space, links through
    google.com/url redirects, notes as [1] links to a list after a rule."""
    letter = by_id("platform-en")
    order = note_order(letter)
    css = {"b": "c5", "i": "c7", "": "c2"}

    def runs(text):
        out = []
        for piece in inline(text):
            if piece[0] == "text":
                key = "b" if "b" in piece[2] else ("i" if "i" in piece[2] else "")
                out.append(f'<span class="{css[key]}">{esc(piece[1])}</span>')
            elif piece[0] == "link":
                label = "".join(esc(p[1]) for p in piece[2] if p[0] == "text")
                target = html.escape("https://www.google.com/url?q=" + piece[1].replace("@", "%40")
                                     + "&sa=D&source=editors&ust=1677852000000000&usg=AOvVaw0abc")
                out.append(f'<span class="c12"><a class="c13" href="{target}">{label}</a></span>')
            else:
                k = order.index(piece[1]) + 1
                out.append(f'<sup class="c9"><a href="#ftnt{k}" id="ftnt_ref{k}">[{k}]</a></sup>')
        return "".join(out)

    def p(text, cls="c4"):
        return f'<p class="{cls}">{runs(text)}</p>'

    blank = '<p class="c4 c8"><span class="c2"></span></p>'
    parts = [p(letter.date_line()), blank]
    for block in letter.to:
        parts += [p(line) for line in block] + [blank]
    parts += [p(letter.salutation), blank]
    for block in letter.body:
        if isinstance(block, P):
            parts += [p(block.text), blank]
        elif isinstance(block, H):
            parts.append(f'<h2 class="c11" id="h.q1w2e3r4"><span class="c6">{esc(block.text)}</span></h2>')
        elif isinstance(block, UL):
            items = "".join(f'<li class="c3 li-bullet-0">{runs(item)}</li>' for item in block.items)
            parts.append(f'<ul class="c0 lst-kix_8w1xq2-0 start">{items}</ul>')
    parts += [p(letter.closing), blank]
    for person in letter.signatories:
        parts += [p(x) for x in (person.name, person.title, person.organization)] + [blank]
    parts.append(p("cc: " + "; ".join(letter.cc)))
    notes = "".join(f'<div><p class="c4 c16"><a href="#ftnt_ref{k}" id="ftnt{k}">[{k}]</a>'
                    f'<span class="c15">&nbsp;</span>{runs(letter.notes[n])}</p></div>'
                    for k, n in enumerate(order, 1))
    style = ("@import url('https://themes.googleusercontent.com/fonts/css?kit=abc');ol{margin:0;padding:0}"
             "table td,table th{padding:0}.c2{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;"
             "font-size:11pt;font-family:\"Arial\";font-style:normal}.c5{color:#000000;font-weight:700;text-decoration:none;"
             "font-size:11pt;font-family:\"Arial\";font-style:normal}.c7{font-weight:400;font-style:italic}"
             ".c9{vertical-align:super}.c4{padding-top:0pt;padding-bottom:0pt;line-height:1.15;text-align:left}"
             ".c6{font-weight:400;font-size:16pt}.c12{color:#1155cc;text-decoration:underline}.c13{color:inherit;text-decoration:inherit}"
             ".c15{font-size:10pt}.c16{margin-left:0pt}.c10{background-color:#ffffff;max-width:451.4pt;padding:72pt 72pt 72pt 72pt}"
             "h2{padding-top:18pt;color:#000000;font-size:16pt;padding-bottom:6pt;font-family:\"Arial\";line-height:1.15;text-align:left}")
    page = (f'<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">{style}</style></head>'
            f'<body class="c10 doc-content">{"".join(parts)}<hr class="c14">{notes}</body></html>')
    write("google-docs-platform-en.html", page, letter, "tests/import/make/web.py (Google Docs' Download as web page)",
          extra={"links": ["mailto:coalition@rightsdigital.example"]})


if __name__ == "__main__":
    google_docs()
    wordpress()
    drupal()
    news()
    hugo()
    ghost()
    word_html()
    oldsite()
    utf16()
    campaign()
    arabic()
    arabic_legacy()
    russian()
    chinese()
    scripted()
    chrome_mhtml()
    word_mht()
