#include "cli/run.hpp"

int main(int argc, char** argv) {
    return settle::cli::run(argc, argv);
}
