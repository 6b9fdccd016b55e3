package io.bosang.law;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the source registry: a text that a policy cites. Written once however many policies cite it.
 *
 * @param id         the registry id rules, parameters and manifests cite ({@code tba-art33}, {@code press.sbs-20000068492})
 * @param kind       statute, decree, guideline, standard terms, company plan, press report, court decision...
 * @param title      the title in English and Korean
 * @param shortTitle how the source is named inside a sentence ("SKT terms 2014"), in English and Korean
 * @param issuer     who issued or published it (a ministry, a company, a newspaper, a court), in English and Korean
 * @param date       when it was issued, enacted or published: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty when unknown
 * @param article    the article or clause when the entry is one provision ({@code Art. 33}); empty otherwise
 * @param url        where the text, or the report of it, can be read; empty when none is known
 * @param via        ids of the sources through which we know this one (terms we know only from the press)
 * @param quotations passages of the source we hold (verbatim) or render (paraphrase)
 * @param note       what a reader should know about the source (what is uncertain, what it does not say)
 */
@JsonPropertyOrder({"id", "kind", "title", "shortTitle", "issuer", "date", "article", "url", "via", "quotations", "note"})
public record Source(String id, SourceKind kind, Bilingual title, Bilingual shortTitle, Bilingual issuer, String date,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) String article,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) String url,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> via,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Quotation> quotations,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) String note) {
    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        shortTitle = shortTitle == null || (shortTitle.en().isEmpty() && shortTitle.ko().isEmpty()) ? title : shortTitle;
        issuer = issuer == null ? new Bilingual("", "") : issuer;
        date = date == null ? "" : date;
        article = article == null ? "" : article;
        url = url == null ? "" : url;
        via = via == null ? List.of() : List.copyOf(via);
        quotations = quotations == null ? List.of() : List.copyOf(quotations);
        note = note == null ? "" : note;
    }

    /**
     * The citation in full, in one language: title, article (the entry's and the pinpoint), issuer, date and address,
     * e.g. "전기통신사업법 제33조 — 국회 (1983-12-30), https://…".
     */
    public String render(String pinpoint, boolean korean) {
        StringBuilder b = new StringBuilder(title.in(korean));
        String where = (article + (article.isEmpty() || pinpoint == null || pinpoint.isEmpty() ? "" : " ") + (pinpoint == null ? "" : pinpoint)).trim();
        if (!where.isEmpty()) b.append(", ").append(where);
        b.append(" — ").append(kind.words(korean));
        if (!issuer.in(korean).isEmpty()) b.append(", ").append(issuer.in(korean));
        if (!date.isEmpty()) b.append(", ").append(date);
        if (!url.isEmpty()) b.append(", ").append(url);
        return b.toString();
    }
}
