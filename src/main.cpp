#include "cli/commands.hpp"

int main(int argc, char** argv) {
    return settle::cli::run(argc, argv);
}
