// SPDX-License-Identifier: GPL-3.0-or-later
// slidespec-server: everything real is in Slidespec::Server (server/http/servermain.cpp).
#include "http/service.h"

int main(int argc, char **argv)
{
    return slidespec::server::serverMain(argc, argv);
}
