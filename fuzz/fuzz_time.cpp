// The date and time parsers: `created` in entries (parse_rfc3339) and what a
// person types after --at, --since and --until (parse_user_time), in zones
// with DST gaps, half-hour and 45-minute offsets. A parsed time must print
// back to the same instant and offset; a refusal must name the option.
#include "core/time.hpp"
#include "fuzz_check.hpp"

#include <array>
#include <cstdlib>

using namespace settle;

namespace {

constexpr std::array<const char*, 5> kZones = {"UTC0", "America/Edmonton", "Australia/Lord_Howe",
                                               "Asia/Kathmandu", "Pacific/Chatham"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    // The first byte picks the zone and the moment "now" is, the rest is the
    // text typed.
    ::setenv("TZ", kZones[data[0] % kZones.size()], 1);
    LocalZone zone;
    auto now = SysSeconds{
        std::chrono::seconds{1'700'000'000LL + (data[0] / kZones.size()) * 86'399LL * 37}};
    auto text = fuzz::as_text(data + 1, size - 1);

    if (auto exact = parse_rfc3339(text)) {
        auto again = parse_rfc3339(exact->rfc3339());
        FUZZ_REQUIRE(again.has_value());
        FUZZ_REQUIRE(*again == *exact);
    }
    auto typed = parse_user_time(text, now, zone, "--since");
    if (!typed) {
        FUZZ_REQUIRE(typed.error().message.find("--since") != std::string::npos);
        return 0;
    }
    // Whatever was typed resolves to a time that can be written in an entry.
    auto written = parse_rfc3339(typed->when.rfc3339());
    FUZZ_REQUIRE(written.has_value() && *written == typed->when);
    start_of_local_day(typed->when, zone);
    end_of_local_day(typed->when, zone);
    return 0;
}
