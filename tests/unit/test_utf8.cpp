#include "core/coaching.hpp"
#include "core/text_match.hpp"
#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace settle;

TEST_CASE("The decoder reads well-formed UTF-8 and refuses the rest") {
    std::string_view text = "aé€😀";
    size_t pos = 0;
    CHECK(decode_code_point(text, pos) == 'a');
    CHECK(decode_code_point(text, pos) == 0xE9);
    CHECK(decode_code_point(text, pos) == 0x20AC);
    CHECK(decode_code_point(text, pos) == 0x1F600);
    CHECK(pos == text.size());

    for (std::string_view bad :
         {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3", "\x80", "\xFF"}) {
        INFO(bad.size());
        size_t at = 0;
        CHECK(decode_code_point(bad, at) == -1);
        CHECK(at == 1); // moves one byte, so a caller always gets on
        CHECK_FALSE(is_valid_utf8(bad));
    }
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("épuisé, 😀"));
}

TEST_CASE("Encoding and decoding go back and forth") {
    CHECK(utf8_decode("é\xFFx") == std::u32string{0xE9, 0xFFFD, 'x'});
    CHECK(utf8_encode(0x1F600) == "😀");
    for (char32_t cp : {char32_t{'a'}, char32_t{0xE9}, char32_t{0x20AC}, char32_t{0x1F600}})
        CHECK(utf8_decode(utf8_encode(cp)) == std::u32string{cp});
    CHECK(utf8_sequence_length('a') == 1);
    CHECK(utf8_sequence_length(0xC3) == 2);
    CHECK(utf8_sequence_length(0xE2) == 3);
    CHECK(utf8_sequence_length(0xF0) == 4);
    CHECK(utf8_sequence_length(0x80) == 0);
}

TEST_CASE("One case-folding rule: Unicode's") {
    CHECK(fold_case("ÉPUISÉ") == "épuisé");
    CHECK(fold_case("Épuisé") == "épuisé");
    CHECK(fold_case("e\xCC\x81puise\xCC\x81") == "épuisé"); // decomposed accents compose
    CHECK(fold_case("STRASSE") == "strasse");
    CHECK(fold_case("Straße") == "strasse"); // Unicode folds ß to ss
    CHECK(fold_case("Lonely") == "lonely");
    CHECK(fold_case("AB\xFF") == "ab\xFF"); // not UTF-8: ASCII lowered, the rest kept
    CHECK(fold_case("ÉPUISÉ", Accents::ignored) == "epuise");
    CHECK(fold_case("ﬁne", Accents::ignored) == "fine");
    // One code point at a time, decomposed: the same letters, for finders.
    std::string one;
    append_folded_code_point(0xC9, one); // É
    CHECK(one == "e\xCC\x81");
    append_folded_code_point(-1, one);
    CHECK(one == "e\xCC\x81\xEF\xBF\xBD");
}

TEST_CASE("Coaching rules and the summary fold a word alike") {
    // The summary counts "ÉPUISÉ" and "épuisé" as one feeling; the coaching
    // rules match either against a rule written in either case.
    CHECK(fold_for_matching("ÉPUISÉ") == fold_for_matching("épuisé"));
    CHECK(fold_for_matching("ÉPUISÉ") == fold_case("épuisé"));
    CHECK(fold_for_matching("Don\xE2\x80\x99t") == "don't");
}
