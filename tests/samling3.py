"""Samling 3 of the Seljord programme, "Verdier": each network group's nine values as
typed from the slide, Gygrene in nynorsk. Shared by the tally, summary and snapshot tests."""

from __future__ import annotations

VALUES = {
    "Gygrene": "likeverd, respekt, toleranse, ærlegdom, openheit, kreativitet, inkludering, "
    "retning, tillit",
    "Einingsleiarane": "trygghet, profesjonalitet, troverdighet, respekt, kreativitet, "
    "lojalitet, tillit, raushet, glede",
    "RLG": "mot/modig, lojalitet, retning, støtte, tillit, respekt, raushet, åpenhet, ansvar",
    "Stjernelaget": "likeverd, tillit, respekt, raushet, inkludering, åpenhet, modig, "
    "ærlighet, kunnskapsbasert",
    "Blåveis": "trygghet, tillit, anerkjenne, raushet, åpenhet, respekt, inkludering, "
    "bærekraft, medvirkning",
    "Godt og blanda": "tillit, ansvarlig, åpenhet, respekt, inkluderende, lojal, miljøbevisst, "
    "kompetanse, humør",
}
