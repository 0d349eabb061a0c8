#include "core/completion.hpp"

#include <catch2/catch.hpp>

using namespace settle;

namespace {

const std::vector<std::string_view> kFeelings = {"anxious", "alone", "left out", "lonely",
                                                 "longing", "lost",  "on edge"};

} // namespace

TEST_CASE("complete_phrase completes a unique fragment") {
    auto c = complete_phrase("anx", kFeelings);
    CHECK(c.fragment_start == 0);
    CHECK(c.candidates == std::vector<std::string_view>{"anxious"});
    CHECK(c.common_prefix == "anxious");
}

TEST_CASE("complete_phrase offers every entry sharing the fragment") {
    auto c = complete_phrase("anxious and lo", kFeelings);
    CHECK(c.fragment_start == 12);
    CHECK(c.candidates == std::vector<std::string_view>{"lonely", "longing", "lost"});
    CHECK(c.common_prefix == "lo");
}

TEST_CASE("complete_phrase prefers the longest fragment, so phrases complete") {
    auto c = complete_phrase("feeling left o", kFeelings);
    CHECK(c.fragment_start == 8);
    CHECK(c.candidates == std::vector<std::string_view>{"left out"});

    auto on = complete_phrase("a bit on", kFeelings);
    CHECK(on.candidates == std::vector<std::string_view>{"on edge"});
}

TEST_CASE("complete_phrase ignores ASCII case") {
    auto c = complete_phrase("Anx", kFeelings);
    CHECK(c.candidates == std::vector<std::string_view>{"anxious"});
}

TEST_CASE("complete_phrase offers everything on an empty line or after a space") {
    CHECK(complete_phrase("", kFeelings).candidates.size() == kFeelings.size());
    CHECK(complete_phrase("and ", kFeelings).candidates.size() == kFeelings.size());
    CHECK(complete_phrase("", kFeelings).common_prefix.empty());
}

TEST_CASE("complete_phrase offers nothing when no entry fits") {
    auto c = complete_phrase("zz", kFeelings);
    CHECK(c.candidates.empty());
    CHECK(c.fragment_start == 2);
}
