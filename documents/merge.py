"""Put released PDFs behind a tagged front part, as one tagged PDF with bookmarks (issue 20).

The Sitzungsmappe is a title page and agenda (laid out here by WeasyPrint, PDF/UA-1) followed
by the papers and Anlagen exactly as they were released: their bytes are not laid out again
("released files never change"), their pages are copied. A tagged part keeps its tags: its
structure elements are hung below the front part's document element and its ParentTree keys
are shifted, so a screen reader reads the whole file in order. An Anlage that came untagged
(a scanned letter) stays untagged; nothing can add its missing structure.
"""

import io
import logging
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

logger = logging.getLogger(__name__)


@dataclass
class Part:
    """One document appended to the front part, with its bookmark (and the bookmark's parent,
    a heading such as the agenda item)."""

    content: bytes
    title: str
    heading: str = ""


@dataclass
class Heading:
    title: str
    parts: list[Part] = field(default_factory=list)


def page_count(content: bytes) -> int | None:
    """Pages of a PDF; None if it is no readable PDF (then it stays out of the Mappe)."""
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            return None
        return len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        return None


def append_parts(front: bytes, headings: list[Heading]) -> tuple[bytes, int]:
    """``front`` followed by every part of every heading; bookmarks per heading and part.
    Returns the PDF and its page count."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(front)))
    structure = _Structure(writer)
    for heading in headings:
        if not heading.parts:
            continue
        firsts = []
        for part in heading.parts:
            firsts.append(len(writer.pages))
            structure.append(PdfReader(io.BytesIO(part.content)), firsts[-1])
        # Bookmarks once the pages exist: the heading, and below it each part.
        parent = writer.add_outline_item(title=heading.title, page_number=firsts[0])
        for part, first in zip(heading.parts, firsts, strict=True):
            writer.add_outline_item(title=part.title, page_number=first, parent=parent)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)


class _Structure:
    """The front part's structure tree, growing by the structure of each appended part."""

    def __init__(self, writer: PdfWriter):
        self.writer = writer
        root = writer._root_object
        self.tree = root["/StructTreeRoot"].get_object() if "/StructTreeRoot" in root else None
        if self.tree is None:
            self.nums = None
            return
        parent_tree = self.tree["/ParentTree"].get_object()
        self.nums = _flat_nums(parent_tree)
        parent_tree[NameObject("/Nums")] = self.nums
        parent_tree.pop("/Kids", None)
        self.next_key = int(self.tree.get("/ParentTreeNextKey", _next_key(self.nums)))
        kids = self.tree["/K"]
        kids = kids.get_object()
        document = kids[0].get_object() if isinstance(kids, ArrayObject) else kids
        self.document = document
        if not isinstance(document.get("/K"), ArrayObject):
            document[NameObject("/K")] = ArrayObject([document["/K"]] if "/K" in document else [])

    def append(self, reader: PdfReader, first: int) -> None:
        """Copy the pages of ``reader``; hang its structure below the document element.

        A structure that cannot be read (an Anlage made by some other program) leaves that
        part's pages untagged instead of failing the whole Mappe.
        """
        for page in reader.pages:
            self.writer.add_page(page)
        pages = self.writer.pages[first:]
        if self.tree is None:
            return
        try:
            source = reader.trailer["/Root"].get("/StructTreeRoot")
            if source is None:
                raise KeyError("/StructTreeRoot")
            self._take_structure(source.get_object(), reader, pages)
        except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, IndexError):
            logger.warning("merge: the structure of an appended part is left out")
            for page in pages:
                page.pop(NameObject("/StructParents"), None)
                for annot in page.get("/Annots", []) or []:
                    annot.get_object().pop(NameObject("/StructParent"), None)

    def _take_structure(self, tree, reader: PdfReader, pages) -> None:
        """Everything is read and cloned first; the front part's tree changes only at the end."""
        offset = self.next_key
        kids = tree.get("/K")
        kids = kids.get_object() if kids is not None else ArrayObject()
        kids = kids if isinstance(kids, ArrayObject) else ArrayObject([kids])
        # The top elements first and without /P: /P names the part's own root, which would come
        # along with its whole tree; the elements below reach them through their own /P.
        copies = [_clone_without_parent(kid, self.writer) for kid in kids]
        source_nums = _flat_nums(tree["/ParentTree"].get_object())
        nums = []
        for index in range(0, len(source_nums), 2):
            nums.append(NumberObject(int(source_nums[index]) + offset))
            nums.append(source_nums[index + 1].clone(self.writer))
        for original, page in zip(reader.pages, pages, strict=True):
            key = original.get("/StructParents")
            if key is not None:
                page[NameObject("/StructParents")] = NumberObject(int(key) + offset)
            for annot in page.get("/Annots", []) or []:
                annot = annot.get_object()
                if "/StructParent" in annot:
                    annot[NameObject("/StructParent")] = NumberObject(
                        int(annot["/StructParent"]) + offset
                    )
        self.nums.extend(nums)
        self.next_key = offset + _next_key(source_nums)
        self.tree[NameObject("/ParentTreeNextKey")] = NumberObject(self.next_key)
        for copy in copies:
            element = copy.get_object() if hasattr(copy, "get_object") else copy
            if isinstance(element, DictionaryObject):
                element[NameObject("/P")] = self.document.indirect_reference
                if element.get("/S") == "/Document":  # one document: its parts are sections
                    element[NameObject("/S")] = NameObject("/Sect")
            self.document["/K"].append(copy)
        role_map = tree.get("/RoleMap")
        if role_map is not None:
            own = self.tree.setdefault(NameObject("/RoleMap"), DictionaryObject())
            for key, value in role_map.get_object().items():
                own.setdefault(NameObject(key), value)


def _clone_without_parent(kid, writer):
    element = kid.get_object()
    if not isinstance(element, DictionaryObject):
        return kid.clone(writer)
    copy = element.clone(writer, ignore_fields=("/P",))
    return copy.indirect_reference or copy


def _flat_nums(node) -> ArrayObject:
    """The (key, value) pairs of a number tree as one flat array."""
    node = node.get_object()
    nums = ArrayObject(node.get("/Nums", []))
    for kid in node.get("/Kids", []) or []:
        nums.extend(_flat_nums(kid))
    return nums


def _next_key(nums) -> int:
    keys = [int(nums[index]) for index in range(0, len(nums), 2)]
    return max(keys) + 1 if keys else 0
