#include "period.hpp"

namespace settle {

Expected<Period> make_period(const std::optional<std::string>& since,
                             const std::optional<std::string>& until, SysSeconds now,
                             const LocalZone& zone) {
    Period period;
    if (since) {
        auto parsed = parse_user_time(*since, now, zone, "--since");
        if (!parsed)
            return parsed.error();
        // Wall time in the reader's zone: what "since Monday" means to them.
        period.since = zone.at(parsed->when.utc).local();
        if (!parsed->has_time)
            period.since = std::chrono::floor<date::days>(*period.since);
    }
    if (until) {
        auto parsed = parse_user_time(*until, now, zone, "--until");
        if (!parsed)
            return parsed.error();
        period.until = zone.at(parsed->when.utc).local();
        if (!parsed->has_time)
            period.until = std::chrono::floor<date::days>(*period.until) + date::days{1} -
                           std::chrono::seconds{1};
    }
    if (period.since && period.until && *period.since > *period.until)
        return Error{"--since is later than --until"};
    return period;
}

} // namespace settle
