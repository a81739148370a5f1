# ~kiosk/.profile for the getty autologin recipe (Option B in deploy/README.md).
# Runs the kiosk on tty1 only, and starts it again whenever it ends, so the login shell is never
# left on screen. A staff exit (exit code 0) logs out; getty then logs the kiosk user in again.
if [ "$(tty)" = "/dev/tty1" ]; then
    # Ctrl-C, Ctrl-\ and Ctrl-Z between two runs (during the sleep) must not stop this loop and
    # leave a shell prompt: the shell ignores them (the kiosk itself reads keys in raw mode).
    trap '' INT QUIT TSTP
    export LANG=C.UTF-8
    while true; do
        /usr/local/bin/pamphlet kiosk --content /srv/pamphlet/content \
            --config /etc/pamphlet/kiosk.yaml --log /var/log/pamphlet/kiosk.log
        [ $? -eq 0 ] && break
        sleep 3
    done
    logout
fi
