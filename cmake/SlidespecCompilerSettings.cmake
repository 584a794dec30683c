# SPDX-License-Identifier: GPL-3.0-or-later
# Warning flags and sanitizer switches shared by every Slidespec target.
# Applied through an INTERFACE target, never to whole directories.

add_library(slidespec_compiler_flags INTERFACE)
add_library(Slidespec::CompilerFlags ALIAS slidespec_compiler_flags)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(slidespec_compiler_flags INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
        -Woverloaded-virtual -Wimplicit-fallthrough)
    option(SLIDESPEC_WERROR "Treat warnings as errors (CI turns this on)" OFF)
    if(SLIDESPEC_WERROR)
        target_compile_options(slidespec_compiler_flags INTERFACE -Werror)
    endif()
endif()

target_compile_definitions(slidespec_compiler_flags INTERFACE
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER)

option(SLIDESPEC_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
if(SLIDESPEC_SANITIZE)
    target_compile_options(slidespec_compiler_flags INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(slidespec_compiler_flags INTERFACE -fsanitize=address,undefined)
endif()
