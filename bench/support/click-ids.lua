-- wrk script for the click check (not for timing: a response() hook slows wrk down).
-- Writes "<status> <click id or ->" for every answer to the file named by the first argument.
local out

function init(args)
  out = assert(io.open(args[1], "w"))
  out:setvbuf("line")
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"]
  local id = location and location:match("pc_click=(%x+)")
  out:write(status, " ", id or "-", "\n")
end
