# fish completion for settle. The candidates and their descriptions come
# from settle itself (`settle __complete`), which walks its own command
# definitions, so this file never needs to change when commands do.
#
# settle gets the words without quotes or backslashes (`commandline -opc`
# gives them so; the word under the cursor is unescaped here) and prints
# the values raw: fish escapes each completion it inserts (but a leading ~).
function __settle_complete
    set -l words (commandline -opc)
    # A pipe, so an empty token is still one (empty) word.
    set -l current (commandline -ct | string unescape)
    for line in ($words[1] __complete -- $words[2..-1] "$current" 2>/dev/null)
        switch $line
            case :dirs
                __fish_complete_directories "$current"
            case :files
                __fish_complete_path "$current"
            case '~*'
                # fish escapes what it inserts except a leading "~", which
                # would then name a home folder: such a value is not offered.
            case '*'
                printf '%s\n' $line
        end
    end
end
# --keep-order: the person's own feelings and needs stay first.
complete -c settle -f --keep-order -a '(__settle_complete)'
