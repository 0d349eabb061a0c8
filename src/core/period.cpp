#include "period.hpp"

namespace settle {

Expected<Period> make_period(const std::optional<std::string>& since,
                             const std::optional<std::string>& until, SysSeconds now,
                             const LocalZone& zone) {
    Period period;
    if (since) {
        auto parsed = parse_user_time(*since, now, zone, "since");
        if (!parsed)
            return parsed.error();
        // Wall time in the reader's zone: what "since Monday" means to them.
        period.since = zone.at(parsed->when.utc).local();
        if (parsed->span != DateSpan::instant)
            period.since = parsed->when.local();
    }
    if (until) {
        auto parsed = parse_user_time(*until, now, zone, "until");
        if (!parsed)
            return parsed.error();
        // A span counts to its last second: --until 2026-11 is all of November.
        period.until = parsed->span == DateSpan::instant ? zone.at(parsed->when.utc).local()
                                                         : end_of_span(*parsed);
    }
    if (period.since && period.until && *period.since > *period.until)
        return Error{"since is later than until"}.naming({"since", "until"});
    return period;
}

} // namespace settle
