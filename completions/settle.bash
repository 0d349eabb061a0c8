# bash completion for settle. The candidates come from settle itself
# (`settle __complete`), which walks its own command definitions, so this
# file never needs to change when commands or options do.
#
# bash quotes only file names for a completion function, so settle does the
# rest: it gets the line up to the cursor and the text readline replaces
# ($2), splits the line as bash will run it, and prints each candidate as
# the exact text to insert, quoted for where it goes. A value taken from an
# entry (a tag, a feeling) can then never be run as shell syntax.
_settle() {
    local line=${COMP_LINE:0:COMP_POINT} reply kind word name
    local -a found=()
    # settle puts the candidates in order (the person's own words first).
    compopt -o nosort 2>/dev/null
    while IFS= read -r reply; do
        case $reply in
        :files$'\t'* | :dirs$'\t'*)
            # File or folder names as well: readline quotes those (and, from
            # here on, every candidate, so settle printed only plain ones).
            kind=${reply%%$'\t'*}
            word=${reply#*$'\t'}
            compopt -o filenames 2>/dev/null
            # Only folders where settle wants one, even when there are none.
            [[ $kind == :dirs ]] && compopt +o default +o bashdefault 2>/dev/null
            while IFS= read -r name; do
                found+=("$name")
            done < <(if [[ $kind == :dirs ]]; then compgen -d -- "$word"; else compgen -f -- "$word"; fi)
            ;;
        *)
            found+=("$reply")
            ;;
        esac
    done < <("$1" __complete --shell bash --line "$line" --text "$2" 2>/dev/null)
    COMPREPLY=("${found[@]}")
}
# Where settle offers nothing (a file after "<", a value it cannot know),
# bash's own completion of names and then of file names takes over.
complete -o bashdefault -o default -F _settle settle
