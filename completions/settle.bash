# bash completion for settle. The candidates come from settle itself
# (`settle __complete`), which walks its own command definitions, so this
# file never needs to change when commands or options do. The order is
# settle's too: a person's own feelings and needs come first.
_settle() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local -a words=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
    # bash splits "--kind=pa" into "--kind" "=" "pa"; after a bare "=" the
    # word being completed is empty.
    if [[ $cur == "=" ]]; then
        words+=("=")
        cur=""
    fi
    local line value
    local -a found=()
    COMPREPLY=()
    # settle puts the candidates in order (the person's own words first).
    compopt -o nosort 2>/dev/null
    while IFS= read -r line; do
        if [[ $line == ":dirs" ]]; then
            compopt -o filenames 2>/dev/null
            while IFS= read -r value; do
                found+=("$value")
            done < <(compgen -d -- "$cur")
            continue
        fi
        value=${line%%$'\t'*}
        # A value with spaces (a feeling, a need) goes in as one word.
        if [[ $value == *[[:space:]\'\"\\\$\`]* ]]; then
            printf -v value '%q' "$value"
        fi
        found+=("$value")
    done < <("$1" __complete -- "${words[@]}" "$cur" 2>/dev/null)
    COMPREPLY=("${found[@]}")
}
complete -F _settle settle
