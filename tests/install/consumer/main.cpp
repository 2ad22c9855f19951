#include <symdiff/symdiff.hpp>

int main() {}
