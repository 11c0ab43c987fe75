# Debian packages by CPack (docs/install.md): `cpack` (or `ninja package`) in a build directory
# configured with -DCMAKE_INSTALL_PREFIX=/usr builds three packages from the install components:
#   mps-server  (component server): mps-server, mps-admin, the systemd unit, /etc/mps/mps-server.conf
#   mps-client  (component client): the tray app, the CUPS backend and queue set-up, autostart, fax hook
#   mps-kiosk   (component kiosk):  the kiosk app and its X session for an auto-login kiosk account
# The top CMakeLists.txt gives each subdirectory its component (CMAKE_INSTALL_DEFAULT_COMPONENT_NAME);
# this file adds what only the packages need: unit, configuration, maintainer scripts, documentation.
set(MPS_DEB_DIR ${PROJECT_SOURCE_DIR}/installer/debian)
set(MPS_PKG_BUILD ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${MPS_PKG_BUILD})

# --- mps-server ---------------------------------------------------------------------------------
# Debian 12 keeps system units in /lib/systemd/system (what dh_installsystemd uses there).
install(FILES ${PROJECT_SOURCE_DIR}/installer/systemd/mps-server.service DESTINATION /lib/systemd/system
        COMPONENT server)
# Commented, every key with its default; postinst makes it root:mps 0640 (mps reads it, cannot change it).
install(FILES ${MPS_DEB_DIR}/mps-server.conf DESTINATION /etc/mps
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT server)
# The data directory ships empty and private; postinst gives it to the mps user.
install(DIRECTORY DESTINATION /var/lib/mps
        DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/docs/install.md ${PROJECT_SOURCE_DIR}/docs/server.md
              ${PROJECT_SOURCE_DIR}/docs/api.md
        DESTINATION share/doc/mps-server COMPONENT server)
# docs/backup.md is written beside this work (mps-admin backup/restore); shipped once it exists.
install(FILES ${PROJECT_SOURCE_DIR}/docs/backup.md DESTINATION share/doc/mps-server COMPONENT server OPTIONAL)

# --- mps-kiosk: a dedicated X session (display manager auto-login, docs/install.md) -------------
install(PROGRAMS ${MPS_DEB_DIR}/mps-kiosk-session DESTINATION bin COMPONENT kiosk)
install(FILES ${MPS_DEB_DIR}/mps-kiosk.desktop DESTINATION share/xsessions COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/docs/kiosk.md DESTINATION share/doc/mps-kiosk COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/docs/client.md ${PROJECT_SOURCE_DIR}/docs/capture.md
        DESTINATION share/doc/mps-client COMPONENT client)

# --- every package: copyright, changelog (gzip -n: reproducible), lintian overrides -------------
string(TIMESTAMP MPS_PKG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(pkg server client kiosk)
  set(dir share/doc/mps-${pkg})
  install(FILES ${MPS_DEB_DIR}/copyright DESTINATION ${dir} COMPONENT ${pkg})
  file(WRITE ${MPS_PKG_BUILD}/${pkg}/changelog
       "mps (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
       "  * Packages built by CPack from the MPS source tree (docs/install.md).\n\n"
       " -- MPS maintainers <mps-maintainers@users.noreply.github.com>  ${MPS_PKG_DATE}\n")
  execute_process(COMMAND gzip -9nf ${MPS_PKG_BUILD}/${pkg}/changelog)
  install(FILES ${MPS_PKG_BUILD}/${pkg}/changelog.gz DESTINATION ${dir} COMPONENT ${pkg})
  if(EXISTS ${MPS_DEB_DIR}/mps-${pkg}.lintian-overrides)
    install(FILES ${MPS_DEB_DIR}/mps-${pkg}.lintian-overrides DESTINATION share/lintian/overrides
            RENAME mps-${pkg} COMPONENT ${pkg})
  endif()
endforeach()

# --- CPack ---------------------------------------------------------------------------------------
# `cpack` packages what is built; it does not build the whole tree (tests, fuzzers) first. Build the six
# installed targets (or everything, as `make test` does) before it.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server client kiosk)
set(CPACK_PACKAGE_NAME mps)
set(CPACK_PACKAGE_VENDOR "MPS")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Empty: each package's first description line below is its synopsis (else CPack puts the project's
# DESCRIPTION before every one).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_CONTACT "MPS maintainers <mps-maintainers@users.noreply.github.com>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # mps-server_0.9.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE "") # native: the version is the project's
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # dpkg-shlibdeps: the libraries each binary links
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME mps-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, ca-certificates")
# Office documents and text are converted by LibreOffice (docs/server.md); without it such uploads are
# refused with a sentence, PDFs still print.
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS
    "libreoffice-writer-nogui, libreoffice-calc-nogui, libreoffice-impress-nogui, fonts-noto-cjk, systemd")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "hylafax-server")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "MPS print server: secure pull printing, usage accounting, PC-fax
mps-server holds print jobs encrypted until their owner releases them at a
printer, charges them against department quotas and sends and receives faxes.
mps-admin manages users, printers, kiosks, prices and quotas. Runs as the
systemd service mps-server under its own user; data in /var/lib/mps.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${MPS_DEB_DIR}/server/conffiles ${MPS_DEB_DIR}/server/postinst ${MPS_DEB_DIR}/server/prerm
    ${MPS_DEB_DIR}/server/postrm)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME mps-client)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION utils)
# The backend runs under cupsd; the queue set-up uses lpadmin; the platform plugins are their own package.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "cups, cups-client, qt6-qpa-plugins")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "gnome-keyring | keepassxc")
set(CPACK_DEBIAN_CLIENT_DESCRIPTION "MPS desktop tray app and print queues
mps-client shows the jobs a person printed, releases them, follows usage and
sends and receives PC-faxes. The package also holds the CUPS backend and the
set-up of the \"MPS Secure Print\" and \"MPS Fax\" queues (mps-queue-setup) and
the HylaFAX received-fax hook mps-fax-received.")
set(CPACK_DEBIAN_CLIENT_PACKAGE_CONTROL_EXTRA ${MPS_DEB_DIR}/client/conffiles ${MPS_DEB_DIR}/client/postinst)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME mps-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION utils)
# The QML modules the kiosk imports (QtQuick, QtQuick.Controls, QtQuick.Layouts and what they pull in)
# are separate Debian packages that dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, \
qt6-qpa-plugins, fonts-noto-cjk")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "pcscd, lightdm, xserver-xorg, x11-xserver-utils")
set(CPACK_DEBIAN_KIOSK_PACKAGE_SUGGESTS "sane-airscan, fprintd")
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "MPS kiosk for the touchscreen beside each printer
mps-kiosk signs people in by staff card, fingerprint or ID and PIN and prints,
deletes or scans their held jobs. The package adds the \"MPS Kiosk\" session
for a display manager's auto-login account (docs/install.md).")

include(CPack)
