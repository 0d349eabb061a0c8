# fish completion for settle. The candidates and their descriptions come
# from settle itself (`settle __complete`), which walks its own command
# definitions, so this file never needs to change when commands do.
function __settle_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    for line in ($words[1] __complete -- $words[2..-1] $current 2>/dev/null)
        if test "$line" = ":dirs"
            __fish_complete_directories $current
        else
            printf '%s\n' $line
        end
    end
end
# --keep-order: the person's own feelings and needs stay first.
complete -c settle -f --keep-order -a '(__settle_complete)'
