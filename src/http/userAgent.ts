/**
 * The User-Agent the suite sends unless --user-agent says otherwise: what the OpenStack command-line client of
 * Debian 12 sends (python3-openstackclient 6.0.0 through openstacksdk 0.101.0, keystoneauth1 5.0.0, requests
 * 2.28.1, Python 3.11.2), so that the target cannot tell the suite from a client by a missing or unusual header.
 */
export const defaultUserAgent =
  "openstacksdk/0.101.0 keystoneauth1/5.0.0 python-requests/2.28.1 CPython/3.11.2";
