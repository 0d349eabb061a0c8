// The HTML page's escaping and what --include lets in, without the binary.
#include "cli/context.hpp"
#include "cli/report/html_page.hpp"
#include "cli/report/summary_html.hpp"
#include "core/time.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli;

TEST_CASE("HTML: escaping covers the five characters and drops direction controls") {
    CHECK(html_escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
    CHECK(html_escape("x\u202Eevil\u202C y\u2066z\u2069\u200F\u061C") == "xevil yz");
    CHECK(html_escape(std::string("bell\a nul") + '\0' + "\x7f end\u0085.") == "bell nul end.");
    CHECK(html_escape("line\n\ttab é 😀") == "line\n\ttab é 😀");
    CHECK(html_words("<b>") == "<bdi>&lt;b&gt;</bdi>");
}

TEST_CASE("HTML: --include words") {
    CHECK_FALSE(parse_includes({}).any());
    auto some = parse_includes({"predictions", "notes"});
    CHECK(some.predictions);
    CHECK(some.notes);
    CHECK_FALSE(some.scripts);
    CHECK_FALSE(some.tags);
    auto all = parse_includes({"all"});
    CHECK((all.predictions && all.scripts && all.notes && all.tags));
    CHECK_THROWS_AS(parse_includes({"diary"}), UsageError);
    CHECK(parse_paper("A4") == Paper::a4);
    CHECK_THROWS_AS(parse_paper("a3"), UsageError);
}

TEST_CASE("HTML: the summary page quotes entries only when asked, escaped") {
    Entry entry;
    entry.created = *parse_rfc3339("2026-11-03T07:15:00-07:00");
    entry.fields = AuditFields{7, 4, {"known"}, {"</style><script>x</script>"}};
    entry.body = "note \"<img src=x onerror=y>\"";
    entry.tags = {"t<'>"};
    SummaryBuilder builder(SummaryRequest{});
    builder.add(entry);
    auto summary = builder.finish();

    auto plain = summary_html(summary, SummaryRequest{}, {}, {entry});
    CHECK(plain.find("script") == std::string::npos);
    CHECK(plain.find("note") == std::string::npos);
    CHECK(plain.find("t&lt;") == std::string::npos);
    CHECK(plain.find("None of the words written in entries are on this page.") !=
          std::string::npos);
    CHECK(plain.find("<svg") != std::string::npos);

    auto words = summary_html(summary, SummaryRequest{}, parse_includes({"all"}), {entry});
    CHECK(words.find("<bdi>&lt;/style&gt;&lt;script&gt;x&lt;/script&gt;</bdi>") !=
          std::string::npos);
    CHECK(words.find("<bdi>note &quot;&lt;img src=x onerror=y&gt;&quot;</bdi>") !=
          std::string::npos);
    CHECK(words.find("<bdi>t&lt;&#39;&gt;</bdi>") != std::string::npos);
    CHECK(words.find("<script") == std::string::npos);
    CHECK(words.find("<img") == std::string::npos);
    // The one style block is ours.
    CHECK(words.find("</style>") == words.rfind("</style>"));
}
