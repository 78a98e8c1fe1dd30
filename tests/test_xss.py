"""Script and markup in everything people type, rendered by a real server in a real browser: none of it runs,
none of it becomes an element, and nothing escapes the box it is shown in."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from core import ANONYMOUS, Invalid, accounts, blog, limits

from .browsers import Browser, sign_in
from .factories import PASSWORD, member
from .servers import AppProcess

# Each one, if it ran, would set window.__xss (or the document's title); the number says which got through.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    '<svg onload="window.__xss=3"><circle r="5"></circle></svg>',
    '<a href="javascript:window.__xss=4">html link</a>',
    "[markdown link](javascript:window.__xss=5)",
    "![markdown image](javascript:window.__xss=6)",
    "[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9Nzwvc2NyaXB0Pg==)",
    "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz04Ij48L3N2Zz4=)",
    '<iframe src="javascript:window.__xss=9"></iframe>',
    '<object data="javascript:window.__xss=10"></object>',
    '<details open ontoggle="window.__xss=11">x</details>',
    '<input autofocus onfocus="window.__xss=12">',
    '<body onload="window.__xss=13">',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=14">',
    '<svg><a xlink:href="javascript:window.__xss=15"><text>svg link</text></a></svg>',
    '<a href="jav&#x09;ascript:window.__xss=16">encoded link</a>',
    "[mixed case](JaVaScRiPt:window.__xss=17)",
    '<form action="javascript:window.__xss=18"><button>go</button></form>',
    '"><script>document.title="pwned"</script>',
    "<style>body { display: none }</style>",
    "{{ constructor.constructor('window.__xss=19')() }}",  # a Vue template, were text ever compiled
    "<div",
    '</div></div></div><div class="fixed inset-0 xss-escape" style="position:fixed;inset:0;z-index:9999">cover</div>',
    "<!--",
]
TITLE = '<img src=x onerror="window.__xss=20"><script>window.__xss=21</script> {{ 7*7 }}'
END = "END-OF-TEXT"  # the last words of each text: broken markup above must not swallow them
BODY = "\n\n".join([*PAYLOADS, END])
BIO = " ".join(PAYLOADS)[: limits.BIO_MAX - len(END) - 1] + " " + END

# Finds, in the whole page, what any payload would leave behind had it become markup rather than text.
INNER_CODE = ["window.__xss=1", "window.__xss=21", 'document.title="pwned"', "body { display: none }"]
FIND_ESCAPES = (
    f"const INNER_CODE = {json.dumps(INNER_CODE)};"
    + """
const found = [];
if (window.__xss) found.push('window.__xss = ' + window.__xss);
if (document.title === 'pwned') found.push('document.title set');
for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (['iframe', 'object', 'embed', 'form', 'math', 'details'].includes(tag)) found.push('<' + tag + '>');
    if (element.classList.contains('xss-escape')) found.push('an element of the payload\\'s own');
    // The page's own scripts carry the texts as data; a payload's script or style holds only its own code.
    if (INNER_CODE.includes(element.textContent.trim())) found.push('<' + tag + '> of a payload');
    for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase(), value = attribute.value.trim().toLowerCase();
        if (name === 'value') continue;  // what the editor's fields hold: text, as typed
        if (name.startsWith('on')) found.push(tag + ' ' + name);
        if (/^(javascript|data|vbscript):/.test(value) || value.includes('__xss')) found.push(tag + ' ' + name);
    }
}
return found;
"""
)


@pytest.fixture(scope="module")
def app(database_url: str) -> Iterator[AppProcess]:
    process = AppProcess().start()
    yield process
    process.stop()


@pytest.mark.audit_elsewhere  # the browser's sign-in is audited by the app process
async def test_payloads_in_every_field_people_fill_render_as_text(
    app: AppProcess, browser: Callable[[str], Browser]
) -> None:
    ann = await member("ann")
    await accounts.update_profile(ann, bio=BIO)
    tags = ["<script>alert(1)</script>", '<img onerror="a()">', "javascript:alert(1)"]
    post = await blog.create_post(ann, title=TITLE, description=PAYLOADS[1], body=BODY, tags=tags, publish=True)
    bob = await member("bob")
    await blog.add_comment(bob, post_id=post.id, body="\n\n".join([*PAYLOADS, END]))
    await blog.add_comment(bob, post_id=post.id, body=f"<div class='fixed inset-0'>{PAYLOADS[-2]} {END}")
    reader = browser(app.url)
    sign_in(reader, "ann")  # as the author: the editor's preview renders the text too

    reader.open("/")
    reader.should_see("{{ 7*7 }}")  # the title, as typed
    assert_nothing_escaped(reader)

    reader.open(f"/post/{post.slug}")
    reader.should_see("2 comments")
    texts = reader.driver.execute_script(
        "return [...document.querySelectorAll('.tidings-text')].map(element => element.innerText)"
    )
    assert len(texts) == 3, "the body and two comments, each in its own box"
    assert all(END in text for text in texts), "a box lost its last words"
    assert "<script>window.__xss=1</script>" in texts[0], "markup in the text is shown as typed"
    assert_nothing_escaped(reader)

    reader.open("/profile/ann")
    reader.should_see(END)  # the end of the bio
    reader.should_see("{{ 7*7 }}")
    assert_nothing_escaped(reader)

    reader.open(f"/edit/{post.slug}")
    reader.should_see("Preview")
    reader.should_see(END)
    assert_nothing_escaped(reader)


def assert_nothing_escaped(reader: Browser) -> None:
    escaped: Any = reader.driver.execute_script(FIND_ESCAPES)
    assert escaped == [], f"{reader.driver.current_url}: {escaped}"


@pytest.mark.parametrize("payload", ["<script>x</script>", "a\"onmouseover='x'", "javascript:x"])
async def test_a_username_cannot_carry_markup(payload: str) -> None:
    with pytest.raises(Invalid) as raised:
        await accounts.register(ANONYMOUS, username=payload, email="x@example.com", password=PASSWORD)
    assert set(raised.value.errors) == {"username"}
